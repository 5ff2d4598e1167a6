from django.apps import AppConfig


class SelfCheckConfig(AppConfig):
    name = "safepassage.web.selfcheck"
    label = "selfcheck"
