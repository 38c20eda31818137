"""Settings for the bench's own server: the app's settings plus the bench URLconf (bare view)."""

from samverka.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
