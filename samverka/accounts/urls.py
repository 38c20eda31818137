from django.contrib.auth import views as auth_views
from django.urls import path

from samverka.accounts import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("login/verify/", views.verify, name="verify"),
    path("password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_sent.html"),
        name="password_reset_sent",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("account/", views.account, name="account"),
    path("account/password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("account/two-factor/", views.two_factor_setup, name="two_factor_setup"),
    path("account/two-factor/backup-codes/", views.backup_codes, name="backup_codes"),
    path("account/two-factor/disable/", views.two_factor_disable, name="two_factor_disable"),
    path("invite/<str:token>/", views.invitation, name="invitation"),
    path("c/<str:code>/members/", views.members, name="members"),
    path("c/<str:code>/members/invite/", views.member_invite, name="member_invite"),
    path("c/<str:code>/members/<str:membership_code>/end/", views.member_end, name="member_end"),
    path(
        "c/<str:code>/invitations/<str:invitation_code>/withdraw/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path("national/people/", views.people, name="people"),
    path("national/people/<str:user_code>/", views.person, name="person"),
    path(
        "national/people/<str:user_code>/memberships/<str:membership_code>/end/",
        views.person_membership_end,
        name="person_membership_end",
    ),
]
