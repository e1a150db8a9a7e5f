"""What compensation needs from the legal engine, read in one place (`liability_terms`), so the
estimate follows liability and can be re-pointed when the engine's Analysis changes."""

from __future__ import annotations

from dataclasses import dataclass, field

MONEY_EXTERNAL = ("joint_and_several", "several_share", "joint_for_enlarged_part")


@dataclass(frozen=True)
class Payer:
    id: str
    name: str
    external: str  # a liability code that bears money (MONEY_EXTERNAL)
    share: float  # internal share of the recoverable total (at most 1 over the payers: unsued actors hold the rest)


@dataclass(frozen=True)
class LiabilityTerms:
    payers: list[Payer] = field(default_factory=list)
    causation: str = "met"  # burden status of causation as the claimant must show it: met | contested | missing
    stop_only: list[str] = field(default_factory=list)  # liable, but for stopping/deletion only
    not_liable: list[str] = field(default_factory=list)
    reduction: float = 0.0  # for the claimant's own fault (CC 1173), a fraction of the total

    @property
    def money(self) -> bool:
        return bool(self.payers)

    @property
    def causation_unproven(self) -> bool:
        return self.causation == "missing"


def liability_terms(analysis) -> LiabilityTerms:
    """Payers, their shares and the causation status, from `litigation.law.analysis.Analysis`:
    `liability.defendants[].external` ("none" = not liable; stop_only = no money), their
    `internal_share`, the claimant-fault `reduction`, and the `burden` row for causation (a row the
    defendant bears — reform mode — presumes causation)."""
    payers, stop, none = [], [], []
    for d in analysis.liability.defendants:
        if d.external in MONEY_EXTERNAL:
            payers.append(Payer(d.id, d.name, d.external, float(d.internal_share or 0.0)))
        elif d.external == "stop_only":
            stop.append(d.id)
        else:
            none.append(d.id)
    causation = "met"
    for b in analysis.burden:
        if b.element == "causation" and b.bearer == "claimant" and b.status in ("contested", "missing"):
            causation = b.status
    return LiabilityTerms(payers, causation, stop, none, float(analysis.liability.reduction or 0.0))
