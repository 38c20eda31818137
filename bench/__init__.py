"""`make bench`: Samverka's performance figures at three data sizes (see README, Performance)."""
