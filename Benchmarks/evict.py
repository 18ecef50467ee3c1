#!/usr/bin/env python3
"""Drop the given files (or every file under the given folders) from the OS page cache with
posix_fadvise(POSIX_FADV_DONTNEED), so that the next run reads them from disk ("cold").
Only these files are affected; nothing system-wide (no drop_caches)."""
import os
import sys

for root in sys.argv[1:]:
    if os.path.isfile(root):
        paths = [root]
    else:
        paths = [os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs]
    for p in paths:
        try:
            fd = os.open(p, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)
        except OSError:
            pass
