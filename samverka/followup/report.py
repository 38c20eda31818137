"""The steering-group report (PDF and XLSX), made in the background (samverka/jobs)."""
