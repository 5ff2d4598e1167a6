from django.urls import path

from . import views

app_name = "analytics"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("methods/", views.methods, name="methods"),
    path("releases/new/", views.release_new, name="release_new"),
    path("policy/", views.policy, name="policy"),
    path("releases/<int:release_id>/<slug:table_id>.svg", views.chart, name="chart"),
    path("releases/<int:release_id>/<slug:table_id>.<str:fmt>", views.download, name="download"),
]
