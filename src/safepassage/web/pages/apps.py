from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "safepassage.web.pages"
    label = "pages"
