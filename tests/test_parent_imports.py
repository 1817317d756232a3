"""Cold-run CPU: the parent process does not import what only the workers use, and settings
validated from the environment are built once per environment."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.backend.guards import guard_settings
from tests.conftest import RAW

ROOT = Path(__file__).resolve().parents[1]
ROBUSTNESS = ROOT.parent / "shared" / "corpus" / "robustness"
UNCLASSIFIED = ROBUSTNESS / "2023-06-20-PV.pdf"  # minutes of a meeting: no extractor reads names there

_CHILD = """
import json, sys
from pathlib import Path
from pipeline.api import run_pipeline
summary = run_pipeline(Path(sys.argv[1]), Path(sys.argv[2]))
print(json.dumps({"seen": summary.documents_seen, "quarantined": summary.documents_quarantined,
                  "modules": sorted(m for m in ("pipeline.stages.process", "spacy") if m in sys.modules)}))
"""


@pytest.mark.skipif(not UNCLASSIFIED.is_file(), reason="../shared/corpus/robustness is absent")
def test_the_second_pass_does_not_load_the_extractors_into_the_parent(tmp_path: Path) -> None:
    """A factsheet gives the gazetteer names; the unclassified PDF is not names-aware: its worker
    stores an empty text for the second pass, so the parent never imports the parsers or spaCy."""
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(RAW / "factsheets" / "eccp-factsheet-be-2023-reportlab.pdf", raw / "be.pdf")
    shutil.copy(UNCLASSIFIED, raw / "minutes.pdf")
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(raw), str(tmp_path / "out")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report == {"seen": 2, "quarantined": 0, "modules": []}
    texts = sorted(p.name for p in (tmp_path / "out" / ".cache" / "gazetteer" / "texts").glob("*.json"))
    assert len(texts) == 2  # the factsheet's prose and the minutes' empty text


def test_guard_settings_are_built_once_per_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLUSTERPIPE_PDF_MAX_PAGES", raising=False)
    first = guard_settings()
    assert guard_settings() is first
    monkeypatch.setenv("CLUSTERPIPE_PDF_MAX_PAGES", "7")
    changed = guard_settings()
    assert changed is not first and changed.pdf_max_pages == 7
    monkeypatch.delenv("CLUSTERPIPE_PDF_MAX_PAGES")
    assert guard_settings() is first and first.pdf_max_pages != 7
