"""Analytics data: the fact table as the web edge keeps it, the releases made from it, and
each organisation's privacy policy. Analysts read releases only (see `selectors`)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ...core.analytics.dashboard import DEFAULT_BUDGET, DEFAULT_K
from ..casework.crypto import EncryptedJSONField
from ..casework.models import Case, Organisation


class CaseFact(models.Model):
    """A case's rows of the fact table (`core.analytics.facts`): codes, bands and a month,
    never a name, note or date. `key` is random: the rows never carry the case's id. The rows
    are encrypted as the account they come from is: beside the case they would tell a
    database dump the person's nationality, age band, province and what was found."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="facts")
    key = models.CharField(max_length=32, unique=True)
    rows = EncryptedJSONField(default=list)
    built_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"facts {self.key}"


class SharedConclusions(models.Model):
    """What the organisation a case came from had concluded (an HTCDS row's trafficking status,
    types of exploitation, methods of control: `core.analytics.htcds.CONCLUSIONS`), kept beside
    the case it was imported as. HTCDS carries those conclusions without the facts they rest on,
    so a screening of the imported account may not reach them again; an export passes them on
    as they came while the account is as imported (`account_digest`, keyed), and the
    organisation's own screening once a case worker has changed it."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="shared")
    columns = EncryptedJSONField(default=dict)  # as sensitive as the account: encrypted
    account_digest = models.CharField(max_length=64)
    imported_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"conclusions shared with case {self.case_id}"


class ReleaseKind(models.TextChoices):
    SCHEDULED = "scheduled", _("Made on schedule")
    SUPERVISOR = "supervisor", _("Made by a supervisor")
    NETWORK = "network", _("Merged from the releases of a network's organisations")


class Release(models.Model):
    """Tables of counts that passed the privacy gate: what analysts, exports and the CLI see.
    `data` is a `core.analytics.dashboard.ReleaseData`."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    made_at = models.DateTimeField(auto_now_add=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=12, choices=ReleaseKind.choices)
    k = models.PositiveIntegerField()
    noise = models.BooleanField()
    epsilon = models.FloatField()  # the privacy budget this release spent
    data = models.JSONField()

    class Meta:
        ordering = ("-made_at", "-pk")

    def __str__(self) -> str:
        return f"release {self.pk} of {self.made_at:%Y-%m-%d %H:%M}"


class PrivacyPolicy(models.Model):
    """An organisation's choices for its releases (the defaults hold until it makes them)."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="privacy_policy"
    )
    k = models.PositiveIntegerField(default=DEFAULT_K)
    noise = models.BooleanField(default=True)
    budget_per_release = models.FloatField(default=DEFAULT_BUDGET)
    budget_per_quarter = models.FloatField(default=DEFAULT_BUDGET * 4)

    def __str__(self) -> str:
        return f"privacy policy of {self.organisation_id}: k={self.k}"


CTDC_GLOBAL, CTDC_SYNTHETIC, GLOTIP = "ctdc_global", "ctdc_synthetic", "glotip"


class SourceKind(models.TextChoices):
    CTDC_GLOBAL = CTDC_GLOBAL, _("CTDC Global Dataset (k-anonymised)")
    CTDC_SYNTHETIC = CTDC_SYNTHETIC, _("CTDC synthetic victim-perpetrator dataset")
    GLOTIP = GLOTIP, _("UNODC Global Report on Trafficking in Persons data")


class PublishedSource(models.Model):
    """A published dataset as last imported (one of each kind: a new import replaces it, in
    one transaction). Public data, the same for every organisation; `summary` holds what the
    pages show of it, computed once at import."""

    kind = models.CharField(max_length=20, choices=SourceKind.choices, unique=True)
    file_name = models.CharField(max_length=200)
    imported_at = models.DateTimeField(auto_now=True)
    rows = models.PositiveIntegerField()
    refused = models.JSONField(default=list)  # [{row, column, code, reason}]
    summary = models.JSONField(default=dict)

    def __str__(self) -> str:
        return f"{self.kind} from {self.file_name}"


class PublishedRecord(models.Model):
    """One imported row of a published dataset, as the core's importer read it."""

    source = models.ForeignKey(PublishedSource, on_delete=models.CASCADE, related_name="records")
    data = models.JSONField()

    def __str__(self) -> str:
        return f"{self.source_id}: row {self.data.get('row')}"
