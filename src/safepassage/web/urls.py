from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.urls import include, path

from .common.auth import LoginForm
from .common.routes import public
from .pages import views

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", views.health, name="health"),
]
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("check/", include("safepassage.web.selfcheck.urls")),
    path("cases/", include("safepassage.web.casework.urls")),
    path(
        "accounts/login/",
        public(
            auth_views.LoginView.as_view(
                redirect_authenticated_user=True, authentication_form=LoginForm
            )
        ),
        name="login",
    ),
    path("accounts/logout/", public(auth_views.LogoutView.as_view()), name="logout"),
    prefix_default_language=False,
)
