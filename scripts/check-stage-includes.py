#!/usr/bin/python3
"""Fails when an #include could run back up the one-way stages.

Each stage of engine/ compiles with an include path that holds only the
engine folders it may see (engine/CMakeLists.txt, circa_stage), so
`#include "score/stages.h"` in engine/io does not compile. A path with a
".." component gets round that: "../score/stages.h" is found next to the
including file, and "io/../score/stages.h" through the stage's own folder.
This scan reports every #include under engine/ and include/ whose path has
a ".." component.

Usage: check-stage-includes.py [ROOT]   (exit 1 and one line per finding)
"""
import pathlib
import re
import sys

FOLDERS = ("engine", "include")
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^">]*)[">]')


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    findings = []
    for folder in FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix not in (".cc", ".h") or not path.is_file():
                continue
            text = path.read_text(encoding="utf-8")
            for number, line in enumerate(text.splitlines(), start=1):
                match = INCLUDE.match(line)
                if match and ".." in pathlib.PurePosixPath(match.group(1)).parts:
                    findings.append(f"{path.relative_to(root)}:{number}: "
                                    f"include runs round the stages: "
                                    f"\"{match.group(1)}\"")
    for f in findings:
        print(f)
    if findings:
        print(f"{len(findings)} include(s) with \"..\"; include by the "
              "stage folder (\"io/csv.h\") instead")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
