"""Actors: the recruiters, agencies, employers, workplaces and buyers the accounts name, kept
as records of the organisation and linked across its cases (issue 16).

A case's account names a party by reference only (`Party.alias`); what the case wrote of it (the
name in any script, phones, a licence or a vessel's registration) is the `Alias`, encrypted like
the rest of the case's personal data. Aliases that a case worker confirmed to be one actor share
one `Actor`; every confirmation and rejection is a `LinkDecision`, kept so that a rejected pair
is never suggested again and so that the linkage learns from the confirmed ones.
What an account says of an actor is an allegation as reported, not an established fact.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .crypto import EncryptedJSONField, EncryptedTextField


class ActorKind(models.TextChoices):
    LICENSED_AGENCY = "licensed_agency", _("Licensed recruitment agency")
    BROKER = "broker", _("Broker or informal recruiter")
    EMPLOYER = "employer", _("Employer")
    WORKPLACE = "workplace", _("Workplace")
    BUYER = "buyer", _("Buyer or brand")


class PartyStage(models.TextChoices):
    RECRUITMENT = "recruitment", _("Recruitment")
    TRANSIT = "transit", _("Transit")
    WORK = "work", _("Work")


class Actor(models.Model):
    organisation = models.ForeignKey(
        "casework.Organisation", on_delete=models.PROTECT, related_name="actors"
    )
    kind = models.CharField(max_length=20, choices=ActorKind.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    # Naming an actor outside the organisation (a letter, a release) needs a supervisor's
    # recorded legal review: defamation suits against migrants and advocates are a real risk.
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = EncryptedTextField(blank=True, default="")

    class Meta:
        indexes = (models.Index(fields=["organisation", "kind"]),)

    def __str__(self) -> str:
        return f"actor {self.pk}"


class Alias(models.Model):
    """One mention of an actor on one case, as that case wrote it."""

    organisation = models.ForeignKey(
        "casework.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="aliases")
    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="aliases")
    kind = models.CharField(max_length=20, choices=ActorKind.choices)
    stage = models.CharField(max_length=12, choices=PartyStage.choices)
    job = models.PositiveSmallIntegerField(null=True, blank=True)  # the account's work entry
    name = EncryptedTextField(blank=True, default="")
    phones = EncryptedJSONField(default=list, blank=True)
    # A licence number, the kind of workplace, a vessel's registration and flag, an address.
    details = EncryptedJSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        indexes = (models.Index(fields=["organisation", "actor"]),)

    def __str__(self) -> str:
        return f"alias {self.pk}"


class Verdict(models.TextChoices):
    SAME = "same", _("The same")
    DIFFERENT = "different", _("Not the same")


class AliasPair(models.Model):
    """Two aliases of one organisation (`first` has the smaller id)."""

    organisation = models.ForeignKey(
        "casework.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    first = models.ForeignKey(Alias, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Alias, on_delete=models.CASCADE, related_name="+")

    class Meta:
        abstract = True


class LinkDecision(AliasPair):
    """A case worker's answer to a suggested pair."""

    verdict = models.CharField(max_length=10, choices=Verdict.choices)
    probability = models.FloatField(null=True, blank=True)  # what the linkage said, for review
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["first", "second"], name="one_decision_per_pair"),
        )

    def __str__(self) -> str:
        return f"{self.first_id}~{self.second_id}: {self.verdict}"


class LinkSuggestion(AliasPair):
    """A pair the linkage offers, waiting for a case worker (recomputed as aliases change)."""

    probability = models.FloatField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["first", "second"], name="one_suggestion_per_pair"),
        )

    def __str__(self) -> str:
        return f"{self.first_id}~{self.second_id}: {self.probability:.3f}"
