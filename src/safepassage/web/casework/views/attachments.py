"""Attachments: a file kept with a case, uploaded encrypted and read back only by roles that
see personal data; every upload and download is in the audit log."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .. import services
from ..access import Action
from ..crypto import Unreadable
from ..forms import AttachmentForm
from ..models import Case
from ..routes import case
from .cases import detail_context


@case(Action.CHANGE)
def attachment_new(request: HttpRequest, found: Case) -> HttpResponse:
    if request.method != "POST":
        return redirect("casework:detail", case_id=found.pk)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        context = detail_context(request, found)
        context["attachment_form"] = form
        return render(request, "casework/case_detail.html", context, status=400)
    upload = form.cleaned_data["file"]
    services.attachment_add(
        user=request.user, case=found, kind=form.cleaned_data["kind"], upload=upload,
        content_type=upload.sniffed,
    )  # fmt: skip
    messages.success(request, _("The file was kept with the case, encrypted."))
    return redirect("casework:detail", case_id=found.pk)


@case(Action.VIEW_PERSONAL)
def attachment_file(request: HttpRequest, found: Case, attachment_id: int) -> HttpResponse:
    attachment = found.attachments.filter(pk=attachment_id).first()
    if attachment is None:
        raise Http404
    if isinstance(attachment.content, Unreadable):
        what = f"could not decrypt: attachment {attachment.pk}"
        services.audit_record(user=request.user, case=found, action="unreadable", what=what)
        raise Http404
    services.audit_record(
        user=request.user, case=found, action="view", what=f"attachment {attachment.pk}"
    )
    response = HttpResponse(attachment.content, content_type=attachment.content_type)
    # Always a download, never shown inline: a file from outside is not trusted as a page.
    response["Content-Disposition"] = f'attachment; filename="case-{found.pk}-{attachment.pk}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response
