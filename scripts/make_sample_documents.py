"""Write sample Word and PDF reports, filled in from generated reports, to look at.

The files are those the document tests make (``tests/documents/_make.py``): the official 2021
template filled in with python-docx, and printed to PDF by LibreOffice, in every variant (long
narrative, no borders, narrow columns …). Beside them, ``README.txt`` lists each file, its
variant and the JSON of the report it holds (the interchange format), so a reader of Word or
PDF files can be compared with what it should read::

    python scripts/make_sample_documents.py /tmp/samples            # 4 reports, every variant
    python scripts/make_sample_documents.py /tmp/samples -n 12 --seed 7
    python scripts/make_sample_documents.py /tmp/samples --no-pdf   # Word files only

Needs the test dependencies (hypothesis, python-docx) and, for the PDFs, LibreOffice
(``soffice``).
"""

# ruff: noqa: INP001 (a script, not a package)

from __future__ import annotations

import argparse
import sys
import time

from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("folder", type=Path, help="where to write the files (made if missing)")
    parser.add_argument("-n", "--reports", type=int, default=4, help="how many reports (4)")
    parser.add_argument("--seed", type=int, default=2021, help="the seed of the reports (2021)")
    parser.add_argument("--no-pdf", action="store_true", help="write the Word files only")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    from tests.documents._make import VARIANTS, make_documents, sample_reports

    from disclosure_report import to_json

    started = time.perf_counter()
    reports = sample_reports(args.reports, seed=args.seed)
    documents = make_documents(reports, VARIANTS, pdf=not args.no_pdf)
    folder: Path = args.folder
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        "Sample reports in the official 2021 Word template, filled in by",
        "scripts/make_sample_documents.py (tests/documents/_make.py) from generated reports,",
        f"seed {args.seed}; PDFs printed by LibreOffice. Each entry: the files, the variant, and the",
        "JSON of the report they hold (disclosure_report.to_json); a reader of these files",
        "should give that report back.",
        "",
        "Variants: plain = the template filled in; long-N = section 一 lengthened to N",
        "characters (tables move down, table 三 breaks across pages at another row);",
        "borderless = no table borders; narrow = the wide table columns narrowed, labels and",
        "headers wrap. Blank cells are left as the template has them (empty, or U+3000 only);",
        "a cell marked not applicable holds its mark (/, -, — ...).",
        "",
        "The PDFs embed the CJK font that LibreOffice found (Noto CJK with fonts-noto-cjk",
        "installed); without any CJK font it prints boxes, but the text layer still holds the",
        "characters.",
        "",
    ]
    for document in documents:
        docx_name = f"{document.name}.docx"
        (folder / docx_name).write_bytes(document.docx)
        files = [docx_name]
        if document.pdf is not None:
            pdf_name = f"{document.name}.pdf"
            (folder / pdf_name).write_bytes(document.pdf)
            files.append(pdf_name)
        variant = document.variant
        lines += [
            "=" * 78,
            f"{' '.join(files)}",
            (
                f"variant: {variant.name} (narrative_chars={variant.narrative_chars}, "
                f"borderless={variant.borderless}, narrow={variant.narrow})"
            ),
            to_json(document.report, indent=2),
            "",
        ]
    (folder / "README.txt").write_text("\n".join(lines), encoding="utf-8")
    seconds = time.perf_counter() - started
    print(f"{len(documents)} documents in {folder} ({seconds:.1f} s)")  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
