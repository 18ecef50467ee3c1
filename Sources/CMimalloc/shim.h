// mimalloc replaces the C allocator of the guidekit executable (the shared library interposes
// malloc and free for the whole process, libxml2 included).
#include <mimalloc.h>
