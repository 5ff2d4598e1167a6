from django.urls import path

from .views import (
    answers,
    attachments,
    audit,
    cases,
    export,
    intake,
    referrals,
    review,
    team,
    workflow,
)

app_name = "casework"
urlpatterns = [
    path("", cases.case_list, name="list"),
    path("new/", cases.case_new, name="new"),
    path("inbox/", workflow.inbox, name="inbox"),
    path("<int:case_id>/", cases.case_detail, name="detail"),
    path("<int:case_id>/edit/", cases.case_edit, name="edit"),
    path("<int:case_id>/export/", export.case_export, name="export"),
    path("<int:case_id>/intake/", intake.intake, name="intake"),
    path("<int:case_id>/answers/", answers.answers, name="answers"),
    path("<int:case_id>/plan/", cases.plan_request, name="plan"),
    path("<int:case_id>/notes/", cases.note_new, name="note"),
    path("<int:case_id>/notes/<int:note_id>/", cases.note_edit, name="note_edit"),
    path("<int:case_id>/attachments/", attachments.attachment_new, name="attachment"),
    path(
        "<int:case_id>/attachments/<int:attachment_id>/",
        attachments.attachment_file,
        name="attachment_file",
    ),
    path("<int:case_id>/referrals/", referrals.referral_new, name="refer"),
    path("<int:case_id>/referrals/other/", referrals.referral_other, name="refer_other"),
    path("<int:case_id>/referrals/<int:referral_id>/", referrals.referral_edit, name="referral"),
    path(
        "<int:case_id>/consents/<int:consent_id>/withdraw/",
        referrals.consent_withdraw,
        name="consent_withdraw",
    ),
    path("<int:case_id>/assign/", workflow.case_assign, name="assign"),
    path("<int:case_id>/tasks/", workflow.task_new, name="task"),
    path("<int:case_id>/tasks/<int:task_id>/", workflow.task_done, name="task_done"),
    path("<int:case_id>/deadlines/", workflow.deadline_task, name="deadline"),
    path("<int:case_id>/closure/", workflow.closure_request, name="closure"),
    path("<int:case_id>/closure/decision/", workflow.closure_decision, name="closure_decision"),
    path("<int:case_id>/professional/", review.professional_new, name="professional"),
    path("disagreements/", review.disagreement_list, name="disagreements"),
    path("audit/", audit.audit_list, name="audit"),
    path("team/", team.team_list, name="team"),
    path("team/<int:user_id>/", team.team_member, name="team_member"),
]
