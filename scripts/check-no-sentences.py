#!/usr/bin/python3
"""Fails when a scoring stage builds a sentence a user reads.

Only engine/explain turns facts into words (CONTRIBUTING.md, "Architecture
in one paragraph"). This scan reads every C++ source under engine/score,
engine/rank, engine/money and engine/panel, extracts its string literals
(comments skipped) and reports each literal holding two words of letters or
more (a phrase, not an id such as "max-pass" or a format such as "{:.2f}"),
unless the statement it is in reports a problem with the input: a
Diagnostic (Error(, Warning(, diag...) or an options check's `why`, which
are messages about a file or a call, not results.

Usage: check-no-sentences.py [ROOT]   (exit 1 and one line per finding)
"""
import pathlib
import re
import sys

STAGES = ("engine/score", "engine/rank", "engine/money", "engine/panel")
PHRASE = re.compile(r"[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}")
DIAGNOSTIC = re.compile(
    r"\b(Error|Warning|Fail|Diagnostic)\w*\s*\(|\bdiag|\*why\s*=")


def literals(text):
    """Yields (line, literal, statement) for every string literal."""
    i, n, line = 0, len(text), 1
    statement_start = 0
    depth = 0  # parentheses: a '{' inside a call does not end a statement
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            line += text.count("\n", i, j)
            i = j
        elif c in "()":
            depth = max(0, depth + (1 if c == "(" else -1))
            i += 1
        elif c in ";{}" and depth == 0:
            statement_start = i + 1
            i += 1
        elif c == "'":
            j = i + 1
            while j < n and text[j] != "'":
                j += 2 if text[j] == "\\" else 1
            i = j + 1
        elif c == '"':
            if i > 0 and text[i - 1] == "R":  # raw string R"(...)"
                k = text.find("(", i)
                delim = text[i + 1:k]
                j = text.find(")" + delim + '"', k)
                body = text[k + 1:j]
                end = j + len(delim) + 2
            else:
                j = i + 1
                while j < n and text[j] != '"':
                    j += 2 if text[j] == "\\" else 1
                body = text[i + 1:j]
                end = j + 1
            # The statement runs to the next ';'.
            stop = text.find(";", end)
            stop = n if stop < 0 else stop
            yield line, body, text[statement_start:stop]
            line += text.count("\n", i, end)
            i = end
        else:
            i += 1


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    findings = []
    for stage in STAGES:
        for path in sorted((root / stage).glob("*")):
            if path.suffix not in (".cc", ".h"):
                continue
            text = path.read_text(encoding="utf-8")
            for line, body, statement in literals(text):
                if PHRASE.search(body) and not DIAGNOSTIC.search(statement):
                    findings.append(f"{path.relative_to(root)}:{line}: "
                                    f"sentence built in a scoring stage: "
                                    f"\"{body}\"")
    for f in findings:
        print(f)
    if findings:
        print(f"{len(findings)} sentence(s) outside engine/explain; turn them "
              "into facts and write the words in engine/explain/")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
