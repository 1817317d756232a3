"""Train and cross-validate the learned start-date binder (`pipeline.models.nlp.binder`).

The training data are the (subject, date) pairs the prose extractor reads on the development
splits of the written press set, each labelled by the split's gold: a pair is positive when a gold
start date (`created_year` / `starting_year`) matches its subject and year under the evaluation's
own matching rule. The held-out split `test` is refused: it is never read here.

Chain: `collect_pages` (run the rules, keep their claims and every pair) → `labels` →
`fit` (scikit-learn logistic regression; the `train` extra) → `BinderModel` (weights as data) →
`score_start_dates` (the start-date score of rules + binder, page by page, as the evaluation counts it).
`cross_validate` trains without one split and scores that split, for every split: what the binder
adds on pages it was not trained on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.datamodel.claims import Claim
from pipeline.datamodel.results import SourceRef
from pipeline.evaluate import Score
from pipeline.evaluation.press import (
    GoldClaim,
    PageEntry,
    Predicted,
    PressEvalError,
    claim_matches,
    load_set,
    match_rules,
    score_page,
    scored,
)
from pipeline.models.classify import classify
from pipeline.models.nlp.binder import SCHEMA, BinderCandidate, BinderModel, choose
from pipeline.models.nlp.claims import extract_prose
from pipeline.stages.discover import load
from pipeline.stages.process import parse_source, verify_quotes

__all__ = [
    "DEFAULT_C",
    "DEFAULT_THRESHOLD",
    "MIN_WEIGHT",
    "TRAINING_ONLY",
    "BinderTrainError",
    "FoldResult",
    "PagePairs",
    "collect_pages",
    "cross_validate",
    "fit",
    "labels",
    "score_start_dates",
]

DEFAULT_C = 0.25  # inverse L2 strength of the logistic regression (stronger with the conjoined features)
# splits written to teach the binder, not to measure it: in training, never a held-out fold
TRAINING_ONLY = frozenset({"constructions", "constructions2"})
DEFAULT_THRESHOLD = 0.9  # a pair becomes a claim at or above this probability
MIN_WEIGHT = 0.01  # smaller weights are left out of the committed model (they move no decision)
START_GROUP = "start_date"


class BinderTrainError(ValueError):
    """Training was asked of the held-out split, of nothing, or without scikit-learn."""


@dataclass(frozen=True)
class PagePairs:
    """One page after the rules: its gold, the rules' claims and the binder's candidate pairs."""

    page: PageEntry
    gold: list[GoldClaim]
    rule_claims: list[Claim]
    pairs: list[BinderCandidate]


def collect_pages(folder: Path, splits: Sequence[str]) -> list[PagePairs]:
    """Run the rules (binder off) on every page of `splits` and keep what training needs."""
    if "test" in splits:
        raise BinderTrainError("the held-out split 'test' is never used to train or tune the binder")
    if not splits:
        raise BinderTrainError("no split to train on")
    out: list[PagePairs] = []
    # one order whatever the order asked: the same pages give the same weights
    for page, html, gold in load_set(folder, splits=tuple(sorted(set(splits)))):  # type: ignore[arg-type]
        uri = f"{page.split}/{page.id}.html"
        try:
            doc = parse_source(load(SourceRef(uri=uri, path=str(html))))
        except (OSError, ValueError) as exc:
            raise PressEvalError(f"{html}: cannot be read for training: {exc}") from exc
        classification = classify(doc)
        doc = doc.model_copy(update={"kind": classification.kind})
        result = extract_prose(doc, country=classification.country, binder=None, collect_pairs=True)
        claims, _dropped = verify_quotes(doc, result.claims)
        out.append(PagePairs(page, gold, claims, result.pairs))
    return out


def _start_gold(page: PagePairs) -> list[GoldClaim]:
    groups = match_rules().attribute_groups
    return [g for g in page.gold if groups[g.attribute] == START_GROUP]


def labels(page: PagePairs) -> list[int]:
    """1 for a pair that states a gold start date of the page, else 0."""
    gold = _start_gold(page)
    return [int(any(claim_matches(g, Predicted.of(p.claim)) for g in gold)) for p in page.pairs]


def fit(pages: Sequence[PagePairs], *, c: float = DEFAULT_C, threshold: float = DEFAULT_THRESHOLD) -> BinderModel:
    """A logistic regression over the pairs' features (balanced classes, L2), as `BinderModel` data."""
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise BinderTrainError("training needs scikit-learn: pip install -e '.[train]'") from exc
    rows = [{f: 1.0 for f in sorted(p.features)} for page in pages for p in page.pairs]
    y = [label for page in pages for label in labels(page)]
    if not rows or len(set(y)) < 2:
        raise BinderTrainError("the training pages give no positive and negative pairs to learn from")
    vectorizer = DictVectorizer(sparse=True)
    x = vectorizer.fit_transform(rows)
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000, solver="liblinear", random_state=0)
    model.fit(x, y)
    names = vectorizer.get_feature_names_out()
    weights = {
        str(n): round(float(w), 4) for n, w in zip(names, model.coef_[0], strict=True) if abs(w) >= MIN_WEIGHT
    }
    return BinderModel.model_validate(
        {
            "schema": SCHEMA,
            "trained_on": sorted({page.page.split for page in pages}),
            "threshold": threshold,
            "bias": round(float(model.intercept_[0]), 6),
            "weights": dict(sorted(weights.items())),
            "note": f"logistic regression, C={c}, balanced classes; {len(y)} pairs, {sum(y)} positive; weights below {MIN_WEIGHT} left out",
        }
    )


def score_start_dates(pages: Sequence[PagePairs], model: BinderModel | None) -> Score:
    """Start-date recall and precision of the rules (+ the binder when given), as the evaluation counts."""
    total = Score()
    for page in pages:
        claims = list(page.rule_claims)
        if model is not None:
            claims += choose(page.pairs, claims, model)
        emitted = [p for p in scored(claims) if p.group == START_GROUP]
        outcome = score_page(page.page, _start_gold(page), emitted)
        total.tp += len(outcome.hits)
        total.fn += len(outcome.misses)
        total.fp += len(outcome.false_positives)
    return total


@dataclass(frozen=True)
class FoldResult:
    split: str
    rules: Score
    with_binder: Score


def cross_validate(
    pages: Sequence[PagePairs], *, c: float = DEFAULT_C, threshold: float = DEFAULT_THRESHOLD
) -> list[FoldResult]:
    """For each split (but the training-only ones): train on the others, score it with the rules
    alone and with the binder."""
    out = []
    for split in sorted({p.page.split for p in pages} - TRAINING_ONLY):
        held = [p for p in pages if p.page.split == split]
        model = fit([p for p in pages if p.page.split != split], c=c, threshold=threshold)
        out.append(FoldResult(split, score_start_dates(held, None), score_start_dates(held, model)))
    return out
