from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.urls import include, path, reverse_lazy

from .api import views as token_views
from .api.routes import api_urls
from .common.auth import LoginForm, SetupPasswordForm
from .common.routes import public
from .pages import views

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", views.health, name="health"),
    path("api/", api_urls()),
]
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("check/", include("safepassage.web.selfcheck.urls")),
    path("cases/", include("safepassage.web.casework.urls")),
    path("statistics/", include("safepassage.web.analytics.urls")),
    path("start/", views.start, name="start"),
    path("accounts/tokens/", token_views.token_page, name="api_tokens"),
    path(
        "accounts/tokens/<int:token_id>/revoke/",
        token_views.token_revoke_view,
        name="api_token_revoke",
    ),
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
    path(
        "accounts/setup/<uidb64>/<token>/",
        public(
            auth_views.PasswordResetConfirmView.as_view(
                form_class=SetupPasswordForm,
                template_name="registration/password_setup.html",
                success_url=reverse_lazy("password_setup_done"),
            )
        ),
        name="password_setup",
    ),
    path(
        "accounts/setup/done/",
        public(
            auth_views.PasswordResetCompleteView.as_view(
                template_name="registration/password_setup_done.html"
            )
        ),
        name="password_setup_done",
    ),
    prefix_default_language=False,
)
