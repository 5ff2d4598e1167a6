from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "safepassage.web.documents"
    label = "documents"
    verbose_name = "Documents"
