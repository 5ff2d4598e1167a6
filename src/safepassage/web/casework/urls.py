from django.urls import path

from .views import audit, cases, export, intake, referrals, review

app_name = "casework"
urlpatterns = [
    path("", cases.case_list, name="list"),
    path("new/", cases.case_new, name="new"),
    path("<int:case_id>/", cases.case_detail, name="detail"),
    path("<int:case_id>/edit/", cases.case_edit, name="edit"),
    path("<int:case_id>/export/", export.case_export, name="export"),
    path("<int:case_id>/intake/", intake.intake, name="intake"),
    path("<int:case_id>/plan/", cases.plan_request, name="plan"),
    path("<int:case_id>/notes/", cases.note_new, name="note"),
    path("<int:case_id>/referrals/", referrals.referral_new, name="refer"),
    path("<int:case_id>/referrals/<int:referral_id>/", referrals.referral_edit, name="referral"),
    path("<int:case_id>/professional/", review.professional_new, name="professional"),
    path("disagreements/", review.disagreement_list, name="disagreements"),
    path("audit/", audit.audit_list, name="audit"),
]
