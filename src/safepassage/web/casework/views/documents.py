"""A case's documents as PDF: its summary, and a referral's letter to the provider."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .. import chain_letters, documents
from ..access import Action
from ..models import Case
from ..routes import case


def _pdf(pdf: bytes, name: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"  # personal data: no copy in a shared cache
    return response


def _refused(choices: list[str]) -> HttpResponse:
    text = _("“language”: write the document in one of these languages: %(codes)s.") % {
        "codes": ", ".join(choices)
    }
    return HttpResponse(text, status=400, content_type="text/plain; charset=utf-8")


@case(Action.EXPORT)
def case_summary_pdf(request: HttpRequest, found: Case) -> HttpResponse:
    """The case summary, in the reader's language unless `?language=` asks for another."""
    language = request.GET.get("language") or translation.get_language() or "en"
    if language not in documents.SUPPORTED:
        return _refused(documents.SUPPORTED)
    pdf = documents.summary_pdf(
        user=request.user, case=found, language=language, today=timezone.localdate()
    )
    return _pdf(pdf, f"{found.reference}-summary-{language}.pdf")


@case(Action.EXPORT)
def referral_letter_pdf(request: HttpRequest, found: Case, referral_id: int) -> HttpResponse:
    """The letter to the referral's provider, in the provider's language (the first the
    catalogue gives) unless `?language=` asks for another of the provider's or the worker's."""
    referral = found.referrals.filter(pk=referral_id).first()
    if referral is None:
        raise Http404
    chain = chain_letters.is_chain_letter(referral)
    choices = documents.letter_languages(referral)
    language = request.GET.get("language") or choices[0]
    if language not in choices:
        return _refused(choices)
    write = chain_letters.chain_letter_pdf if chain else documents.letter_pdf
    try:
        pdf = write(user=request.user, referral=referral, language=language,
                    today=timezone.localdate())  # fmt: skip
    except chain_letters.ReviewMissing:
        text = _("A supervisor must record a legal review of this actor, on its page, before a "
                 "letter may name it.")  # fmt: skip
        return HttpResponse(text, status=409, content_type="text/plain; charset=utf-8")
    return _pdf(pdf, f"{found.reference}-referral-{referral.pk}-{language}.pdf")
