from django.urls import path

from . import htcds_views, views

app_name = "analytics"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("methods/", views.methods, name="methods"),
    path("compare/", views.compare, name="compare"),
    path("releases/new/", views.release_new, name="release_new"),
    path("policy/", views.policy, name="policy"),
    path("htcds/export.<str:fmt>", htcds_views.htcds_export, name="htcds_export"),
    path("htcds/import/", htcds_views.htcds_import, name="htcds_import"),
    path("releases/<int:release_id>/<slug:table_id>.svg", views.chart, name="chart"),
    path("releases/<int:release_id>/<slug:table_id>.<str:fmt>", views.download, name="download"),
]
