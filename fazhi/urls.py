"""URL map. Each app owns its prefix; the public report pages need no login."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from fazhi import views
from fazhi.casework.urls import urlpatterns_for_ledgers

urlpatterns = [
    path("", views.home, name="home"),
    path("favicon.ico", RedirectView.as_view(url=static("favicon.svg"), permanent=True)),
    path("accounts/login/", auth_views.LoginView.as_view(template_name="login.html"), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("org/", include("fazhi.org.urls")),
    path("audit/", include("fazhi.audit.urls")),
    path("workcal/", include("fazhi.workcal.urls")),
    path("clocks/", include("fazhi.clocks.urls")),
    path("indicators/", include("fazhi.indicators.urls")),
    path("reports/", include("fazhi.reports.urls")),
    path("imports/", include("fazhi.imports.urls")),
    path("filing/", include("fazhi.filing.urls")),
    path("ledgers/", include(urlpatterns_for_ledgers())),
    path("reminders/", include("fazhi.reminders.urls")),
]

handler400 = "fazhi.views.bad_request"
handler403 = "fazhi.views.forbidden"
handler404 = "fazhi.views.not_found"
