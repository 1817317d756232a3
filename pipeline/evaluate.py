"""Evaluate a run's `extracted/` against hand-made gold files (precision and recall).

Gold folder layout (see tests/gold/):
  policies.json   [{country, name, fields: {record path: value}}]
  countries.json  [{country, fields: {record path: value}}]
  clusters.json   [{country, name, aliases, created_year, status?}]
  conflicts.json  [{subject_name, attribute, values, kind?, qualifiers?}]
  claims.json     [{uri, subject, attribute, value, qualifier?}]   (prose claims)

Scores are per field (policies, countries), per cluster attribute, per claim
attribute and for conflicts. A field counts as extracted when its value is not
null; correct when it equals the gold value (text compared whitespace-normalised).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rich.table import Table

from pipeline.datamodel.document import normalise_space

JSONValue = object


class EvaluationError(ValueError):
    """A missing or unreadable gold or extracted file."""


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class EvaluationReport:
    scores: dict[str, dict[str, Score]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(Score))
    )
    misses: list[str] = field(default_factory=list)

    def total(self, group: str) -> Score:
        s = Score()
        for score in self.scores[group].values():
            s.tp += score.tp
            s.fp += score.fp
            s.fn += score.fn
        return s


def _load(path: Path) -> list[dict[str, JSONValue]]:
    if not path.exists():
        raise EvaluationError(f"missing file: {path}")
    try:
        data = json.loads(path.read_text("utf-8"))
    except json.JSONDecodeError as exc:
        raise EvaluationError(f"{path}: not JSON ({exc})") from exc
    if not isinstance(data, list):
        raise EvaluationError(f"{path}: expected a JSON list")
    return data


def _records(folder: Path) -> list[dict[str, JSONValue]]:
    if not folder.is_dir():
        raise EvaluationError(f"missing folder: {folder} (run the pipeline first)")
    return [json.loads(p.read_text("utf-8")) for p in sorted(folder.glob("*.json"))]


def get_path(record: dict[str, JSONValue], path: str) -> JSONValue:
    """Walk 'history.starting_year' or 'objectives.categories' through nested dicts."""
    node: JSONValue = record
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def same(a: JSONValue, b: JSONValue) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return normalise_space(a) == normalise_space(b)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, int | float) and isinstance(b, int | float) and not isinstance(a, bool):
        return float(a) == float(b)
    return a == b


def _score_fields(
    report: EvaluationReport,
    group: str,
    gold_fields: dict[str, JSONValue],
    record: dict[str, JSONValue] | None,
    label: str,
) -> None:
    for path, expected in sorted(gold_fields.items()):
        got = get_path(record, path) if record is not None else None
        score = report.scores[group][path]
        if expected is None and got is None:
            continue
        if got is not None and same(got, expected):
            score.tp += 1
            continue
        if got is not None:
            score.fp += 1
        if expected is not None:
            score.fn += 1
        report.misses.append(f"{group} {label} {path}: expected {expected!r}, got {got!r}")


def evaluate(extracted: Path, gold: Path) -> EvaluationReport:
    report = EvaluationReport()
    policies = {
        (p["country"], normalise_space(str(p["name"])).casefold()): p
        for p in _records(extracted / "policies")
    }
    for g in _load(gold / "policies.json"):
        key = (g["country"], normalise_space(str(g["name"])).casefold())
        _score_fields(report, "policy fields", g["fields"], policies.get(key), str(g["name"]))  # type: ignore[arg-type]
    countries = {c["country"]: c for c in _records(extracted / "countries")}
    for g in _load(gold / "countries.json"):
        _score_fields(report, "country fields", g["fields"], countries.get(g["country"]), str(g["country"]))  # type: ignore[arg-type]
    _evaluate_clusters(report, _records(extracted / "clusters"), _load(gold / "clusters.json"))
    _evaluate_conflicts(report, _records(extracted / "conflicts"), _load(gold / "conflicts.json"))
    if (gold / "claims.json").exists():
        _evaluate_claims(report, extracted / "datasets" / "claims.jsonl", _load(gold / "claims.json"))
    return report


def _evaluate_clusters(
    report: EvaluationReport, records: list[dict[str, JSONValue]], gold: list[dict[str, JSONValue]]
) -> None:
    def names(r: dict[str, JSONValue]) -> set[str]:
        return {str(r["name"]).casefold(), *(str(a).casefold() for a in r.get("aliases", []))}  # type: ignore[union-attr]

    matched: set[str] = set()
    gold_countries = {g["country"] for g in gold}
    for g in gold:
        hit = next(
            (r for r in records if r["country"] == g["country"] and str(g["name"]).casefold() in names(r)),
            None,
        )
        scores = report.scores["clusters"]
        if hit is None:
            scores["found"].fn += 1
            report.misses.append(f"cluster {g['name']}: not found")
            continue
        matched.add(str(hit["id"]))
        scores["found"].tp += 1
        ok_name = str(hit["name"]).casefold() == str(g["name"]).casefold()
        _tally(scores["name"], ok_name, f"cluster {g['name']}: named {hit['name']!r}", report)
        want = {str(a).casefold() for a in g.get("aliases", [])}  # type: ignore[union-attr]
        ok_alias = want <= names(hit)
        _tally(
            scores["aliases"],
            ok_alias,
            f"cluster {g['name']}: aliases {hit['aliases']} lack {sorted(want - names(hit))}",
            report,
        )
        got_year, want_year = hit.get("created_year"), g.get("created_year")
        if want_year is not None or got_year is not None:
            _tally(
                scores["created_year"],
                got_year == want_year,
                f"cluster {g['name']}: created_year {got_year} != {want_year}",
                report,
            )
        if "status" in g:
            _tally(
                scores["status"],
                hit.get("status") == g["status"],
                f"cluster {g['name']}: status {hit.get('status')!r} != {g['status']!r}",
                report,
            )
    for r in records:
        if r["country"] in gold_countries and str(r["id"]) not in matched:
            report.scores["clusters"]["found"].fp += 1
            report.misses.append(f"cluster {r['name']!r} ({r['country']}) is not in the gold list")


def _tally(score: Score, ok: bool, miss: str, report: EvaluationReport) -> None:
    if ok:
        score.tp += 1
    else:
        score.fp += 1
        score.fn += 1
        report.misses.append(miss)


def _numbers(values: list[JSONValue]) -> set[float]:
    return {float(v) for v in values if isinstance(v, int | float) and not isinstance(v, bool)}


def _evaluate_conflicts(
    report: EvaluationReport, records: list[dict[str, JSONValue]], gold: list[dict[str, JSONValue]]
) -> None:
    score = report.scores["conflicts"]["conflicts"]
    used: set[str] = set()
    for g in gold:
        want = _numbers(g["values"])  # type: ignore[arg-type]
        hit = None
        for r in records:
            got = _numbers([v["value"] for v in r["values"]])  # type: ignore[union-attr, index]
            if (
                str(r["subject_name"]).casefold() == str(g["subject_name"]).casefold()
                and r["attribute"] == g["attribute"]
                and want <= got
                and str(r["id"]) not in used
            ):
                hit = r
                break
        if hit is None:
            score.fn += 1
            report.misses.append(f"conflict {g['subject_name']} {g['attribute']} {sorted(want)}: not found")
        else:
            used.add(str(hit["id"]))
            score.tp += 1
    for r in records:
        if str(r["id"]) not in used:
            score.fp += 1
            vals = [v["value"] for v in r["values"]]  # type: ignore[union-attr, index]
            report.misses.append(f"conflict {r['subject_name']} {r['attribute']} {vals}: not in gold")


def _evaluate_claims(report: EvaluationReport, path: Path, gold: list[dict[str, JSONValue]]) -> None:
    if not path.exists():
        raise EvaluationError(f"missing file: {path}")
    claims = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    gold_uris = {g["uri"] for g in gold}
    attributes = {g["attribute"] for g in gold}

    def key(
        uri: JSONValue, subject: JSONValue, attribute: JSONValue, value: JSONValue
    ) -> tuple[str, str, str, str]:
        subj = str(subject).casefold().removeprefix("the ").strip()
        return (str(uri), subj, str(attribute), json.dumps(value, sort_keys=True))

    extracted = {
        key(c["evidence"]["uri"], c["subject_name"], c["attribute"], c["value"])
        for c in claims
        if c["evidence"]["uri"] in gold_uris and c["attribute"] in attributes
    }
    expected = {key(g["uri"], g["subject"], g["attribute"], g["value"]) for g in gold}
    for k in sorted(expected | extracted):
        score = report.scores["claims"][k[2]]
        if k in expected and k in extracted:
            score.tp += 1
        elif k in expected:
            score.fn += 1
            report.misses.append(f"claim missed: {k}")
        else:
            score.fp += 1
            report.misses.append(f"claim not in gold: {k}")


def render(report: EvaluationReport, show_misses: bool = True) -> Table:
    table = Table(title="precision / recall against gold")
    for col in ("group", "field", "tp", "fp", "fn", "precision", "recall"):
        table.add_column(col, justify="right" if col in ("tp", "fp", "fn", "precision", "recall") else "left")
    for group in sorted(report.scores):
        for name, s in sorted(report.scores[group].items()):
            table.add_row(
                group, name, str(s.tp), str(s.fp), str(s.fn), f"{s.precision:.3f}", f"{s.recall:.3f}"
            )
        t = report.total(group)
        table.add_row(
            f"[bold]{group}[/]",
            "[bold]all[/]",
            str(t.tp),
            str(t.fp),
            str(t.fn),
            f"[bold]{t.precision:.3f}[/]",
            f"[bold]{t.recall:.3f}[/]",
        )
    if show_misses and report.misses:
        table.caption = "misses:\n" + "\n".join(report.misses[:60])
    return table


# ------------------------------------------------------------------ per producer (factsheets)

FACTSHEET_GROUPS = ("policy fields", "country fields", "claims")
DEFAULT_MIN_SCORE = 0.97


@dataclass(frozen=True)
class FactsheetGold:
    """tests/gold/factsheets/<family>.json: one factsheet's policies, country figures and claims."""

    family: str
    policies: list[dict[str, JSONValue]]
    countries: list[dict[str, JSONValue]]
    claims: list[dict[str, JSONValue]]


@dataclass
class ProducerCell:
    """One factsheet rendered by one producer: scores per group and the extracted field values."""

    family: str
    producer: str
    uri: str
    report: EvaluationReport
    values: dict[str, JSONValue] = field(default_factory=dict)
    status: str = "ok"
    records: dict[str, JSONValue] = field(default_factory=dict)  # policies/countries, no provenance


def load_factsheet_gold(folder: Path) -> dict[str, FactsheetGold]:
    golds: dict[str, FactsheetGold] = {}
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text("utf-8"))
        except json.JSONDecodeError as exc:
            raise EvaluationError(f"{path}: not JSON ({exc})") from exc
        if not isinstance(data, dict) or "family" not in data:
            raise EvaluationError(f"{path}: expected an object with 'family'")
        golds[str(data["family"])] = FactsheetGold(
            family=str(data["family"]),
            policies=list(data.get("policies", [])),
            countries=list(data.get("countries", [])),
            claims=list(data.get("claims", [])),
        )
    if not golds:
        raise EvaluationError(f"no factsheet gold files in {folder}")
    return golds


def producer_fixtures(
    folder: Path, families: Sequence[str], raw: Path | None = None
) -> list[tuple[str, str, Path, str]]:
    """(family, producer, path, uri) for every `<producer>/<family>.pdf` below `folder`, and
    every `factsheets/<family>-<producer>.pdf` of the sample corpus in `raw`; sorted."""
    if not folder.is_dir():
        raise EvaluationError(f"missing folder: {folder}")
    out = []
    for path in sorted(folder.glob("*/*.pdf")):
        if path.stem in families:
            out.append((path.stem, path.parent.name, path, path.relative_to(folder).as_posix()))
    if raw is not None and (raw / "factsheets").is_dir():
        for path in sorted((raw / "factsheets").glob("*.pdf")):
            family, _, producer = path.stem.rpartition("-")
            if family in families:
                out.append((family, producer, path, path.relative_to(raw).as_posix()))
    return sorted(out, key=lambda item: (item[0], item[1]))


def evaluate_factsheet_pdf(path: Path, gold: FactsheetGold, producer: str, uri: str) -> ProducerCell:
    """Run parse + extract + reconcile on one PDF alone and score it against its gold."""
    import hashlib

    from pipeline.datamodel.results import LoadedSource, Status
    from pipeline.reconcile.records import reconcile
    from pipeline.stages.process import process

    data = path.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    result = process(LoadedSource(uri=uri, doc_id=f"doc-{sha[:16]}", sha256=sha, data=data, media_type="pdf"))
    cell = ProducerCell(gold.family, producer, uri, EvaluationReport())
    if result.status != Status.OK:
        cell.status = "quarantined: " + "; ".join(e.message for e in result.errors)
    reconciled = reconcile(result.claims)
    policies = {
        (p.country, normalise_space(p.name).casefold()): p.model_dump(mode="json")
        for p in reconciled.policies
    }
    countries = {c.country: c.model_dump(mode="json") for c in reconciled.countries}
    cell.records = {
        "policies": [p.model_dump(mode="json", exclude={"evidence", "sources"}) for p in reconciled.policies],
        "countries": [
            c.model_dump(mode="json", exclude={"evidence", "sources"}) for c in reconciled.countries
        ],
    }
    for g in gold.policies:
        key = (g["country"], normalise_space(str(g["name"])).casefold())
        record = policies.get(key)  # type: ignore[arg-type]
        _score_fields(cell.report, "policy fields", g["fields"], record, str(g["name"]))  # type: ignore[arg-type]
        for path_ in g["fields"]:  # type: ignore[union-attr]
            cell.values[f"{g['name']}: {path_}"] = get_path(record, path_) if record else None
    for g in gold.countries:
        record = countries.get(str(g["country"]))
        _score_fields(cell.report, "country fields", g["fields"], record, str(g["country"]))  # type: ignore[arg-type]
        for path_ in g["fields"]:  # type: ignore[union-attr]
            cell.values[f"{g['country']}: {path_}"] = get_path(record, path_) if record else None
    attributes = {str(g["attribute"]) for g in gold.claims}

    def key(subject: JSONValue, attribute: JSONValue, value: JSONValue) -> tuple[str, str, str]:
        subj = str(subject).casefold().removeprefix("the ").strip()
        return (subj, str(attribute), json.dumps(value, sort_keys=True))

    got = {
        key(c.subject_name, c.attribute, c.value.model_dump() if hasattr(c.value, "model_dump") else c.value)
        for c in result.claims
        if c.attribute in attributes
    }
    want = {key(g["subject"], g["attribute"], g["value"]) for g in gold.claims}
    for k in sorted(want | got):
        score = cell.report.scores["claims"][k[1]]
        if k in want and k in got:
            score.tp += 1
        elif k in want:
            score.fn += 1
            cell.report.misses.append(f"claim missed: {k}")
        else:
            score.fp += 1
            cell.report.misses.append(f"claim not in gold: {k}")
    return cell


def evaluate_producers(fixtures: Path, gold_folder: Path, raw: Path | None = None) -> list[ProducerCell]:
    """Every factsheet × every producer below `fixtures` (and in `raw`), scored against `gold_folder`."""
    golds = load_factsheet_gold(gold_folder)
    return [
        evaluate_factsheet_pdf(path, golds[family], producer, uri)
        for family, producer, path, uri in producer_fixtures(fixtures, list(golds), raw)
    ]


def producer_disagreements(cells: Sequence[ProducerCell]) -> dict[str, list[str]]:
    """Per factsheet: the fields whose extracted value differs between producers, with the values."""
    out: dict[str, list[str]] = {}
    for family in sorted({c.family for c in cells}):
        mine = [c for c in cells if c.family == family]
        lines = []
        for name in sorted({k for c in mine for k in c.values}):
            seen = {
                c.producer: json.dumps(c.values.get(name), sort_keys=True, ensure_ascii=False) for c in mine
            }
            if len(set(seen.values())) > 1:
                groups: dict[str, list[str]] = defaultdict(list)
                for producer, value in seen.items():
                    groups[value].append(producer)
                lines.append(
                    f"{name}: " + " | ".join(f"{'/'.join(p)} = {v[:80]}" for v, p in groups.items())
                )
        out[family] = lines
    return out


def cell_score(cell: ProducerCell, group: str) -> Score:
    return cell.report.total(group)


def render_producer_matrix(cells: Sequence[ProducerCell], minimum: float = DEFAULT_MIN_SCORE) -> Table:
    table = Table(title="factsheet × producer: precision / recall (tp/gold)")
    table.add_column("factsheet")
    table.add_column("producer")
    for group in FACTSHEET_GROUPS:
        table.add_column(group, justify="right")
    table.add_column("status")
    for cell in cells:
        row = [cell.family, cell.producer]
        for group in FACTSHEET_GROUPS:
            s = cell_score(cell, group)
            text = f"{s.tp}/{s.tp + s.fn}  P {s.precision:.3f} R {s.recall:.3f}"
            low = min(s.precision, s.recall) < minimum
            row.append(f"[red]{text}[/]" if low else text)
        row.append(cell.status)
        table.add_row(*row)
    notes = []
    for family, lines in producer_disagreements(cells).items():
        if lines:
            notes.append(f"{family}: producers disagree on")
            notes.extend(f"  {line}" for line in lines)
    misses = [f"{c.family} [{c.producer}] {m}" for c in cells for m in c.report.misses]
    table.caption = "\n".join([*notes, *misses[:40]]) or "every producer gives the same values"
    return table
