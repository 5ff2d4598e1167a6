from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from .pages import views

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", views.health, name="health"),
]
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    prefix_default_language=False,
)
