from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "safepassage.web.common"
    label = "common"
