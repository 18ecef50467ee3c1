#!/bin/sh
# Writes the shell completion scripts (docs/completions/), the man page (docs/guidekit.1) and the
# rule reference (docs/rules.md) from the command line itself, so that they never drift from
# `guidekit --help` and the rule descriptors.
#
#   scripts/generate-docs.sh [PATH-TO-GUIDEKIT]
#
# Without an argument the release binary is built first. Commit the files it writes.
set -eu
cd "$(dirname "$0")/.."
if [ $# -ge 1 ]; then
  guidekit=$1
else
  swift build -c release --product guidekit >&2
  guidekit="$(swift build -c release --show-bin-path)/guidekit"
fi

mkdir -p docs/completions
"$guidekit" rules --format markdown > docs/rules.md
"$guidekit" --generate-completion-script bash > docs/completions/guidekit.bash
"$guidekit" --generate-completion-script zsh > docs/completions/_guidekit
"$guidekit" --generate-completion-script fish > docs/completions/guidekit.fish

# The man page: groff man(7) from the --help text of the root command and of every subcommand.
GUIDEKIT="$guidekit" python3 - <<'PY' > docs/guidekit.1
import os, re, subprocess

binary = os.environ["GUIDEKIT"]

def help_text(*args):
    env = dict(os.environ, COLUMNS="100", NO_COLOR="1")
    return subprocess.run([binary, *args, "--help"], capture_output=True, text=True, env=env, check=True).stdout

def esc(line):
    line = line.replace("\\", "\\e").replace("-", "\\-")
    if line.startswith((".", "'")):
        line = "\\&" + line
    return line

def sections(text):
    """(heading, lines) pairs: OVERVIEW, USAGE, ARGUMENTS, OPTIONS, SUBCOMMANDS, ..."""
    out, heading, lines = [], "", []
    for line in text.splitlines():
        m = re.match(r"^([A-Z][A-Z ]+):\s?(.*)$", line)
        if m:
            if heading or lines:
                out.append((heading, lines))
            heading, lines = m.group(1), ([m.group(2)] if m.group(2) else [])
        else:
            lines.append(line)
    out.append((heading, lines))
    return out

def body(lines):
    out = []
    for line in lines:
        stripped = line.strip()
        if not stripped:
            out.append(".PP")
            continue
        m = re.match(r"^  (\S.*?)(?: {2,}(\S.*))?$", line)
        if line.startswith(" " * 16) and out and not out[-1].startswith("."):
            # a wrapped option or subcommand description (or the first line of one whose name
            # filled its line)
            out[-1] = (out[-1] + " " + esc(stripped)).strip()
        elif m and m.group(2):
            out += [".TP", "\\fB" + esc(m.group(1)) + "\\fR", esc(m.group(2))]
        elif m and stripped.startswith("-"):
            out += [".TP", "\\fB" + esc(m.group(1)) + "\\fR", ""]   # an option name too long to share its line
        elif line.startswith("        "):
            out += [".RS", ".nf", esc(stripped), ".fi", ".RE"]
        else:
            out.append(esc(stripped))
    return out

root = help_text()
version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()

def subcommands_of(text, prefix=()):
    """The command paths under a help text, depth first (`sources`, `sources fetch`, …)."""
    found = []
    for heading, lines in sections(text):
        if heading == "SUBCOMMANDS":
            for line in lines:
                m = re.match(r"^  ([a-z][a-z-]*)\s", line)
                if m and m.group(1) != "help":
                    path = prefix + (m.group(1),)
                    found.append(path)
                    found.extend(subcommands_of(help_text(*path), path))
    return found

subcommands = subcommands_of(root)

print('.TH GUIDEKIT 1 "" "guidekit %s" "User Commands"' % esc(version))
print(".SH NAME")
print("guidekit \\- validate, diff, impact\\-check and publish guideline documents kept as versioned XML")
for heading, lines in sections(root):
    if heading == "OVERVIEW":
        continue
    print(".SH " + (heading or "DESCRIPTION"))
    print("\n".join(body(lines)))
for path in subcommands:
    print(".SH COMMAND: " + esc(" ".join(path).upper()))
    for heading, lines in sections(help_text(*path)):
        print(".SS " + (heading or "DESCRIPTION"))
        print("\n".join(body(lines)))
print(".SH SEE ALSO")
print("xmllint(1), xsltproc(1), git(1)")
PY
echo "wrote docs/completions/ and docs/guidekit.1" >&2
