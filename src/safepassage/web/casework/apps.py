from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "safepassage.web.casework"
    label = "casework"
    verbose_name = "Case work"
    default_auto_field = "django.db.models.BigAutoField"
