from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "safepassage.web.common"
    label = "common"

    def ready(self) -> None:
        from . import auth  # noqa: F401 (connects the count of failed log-ins per address)
