from django.urls import path

from . import views

app_name = "selfcheck"
urlpatterns = [
    path("", views.start, name="start"),
    path("question/", views.question, name="question"),
    path("contact/", views.contact, name="contact"),
]
