"""Synthetic data at any scale, for benchmarks and load tests.

    python manage.py seed_synthetic --municipalities 290 --participants 1000000 --weeks 40 \
        [--seed N] [--start 2025-01-13] [--append] [--force]

Adds invented collaborations, organisations, activities with weekly sessions, households,
participants, consent and attendance, survey rounds with sent responses, and referrals (see
samverka/demo/synthetic.py); changes nothing that exists (it installs the built-in survey
instruments when missing, as a deploy does). Refuses a database that already holds synthetic data unless --append is given, and
refuses to run with DEBUG off unless --force is given: synthetic participants are counted in
the funder report like real ones, so never run it on a server with real families' data.
"""

from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from samverka.demo import synthetic
from samverka.lib.scoping import national_scope


def _positive(value: str) -> int:
    from argparse import ArgumentTypeError

    try:
        number = int(value.replace("_", ""))
    except ValueError:
        raise ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise ArgumentTypeError(f"expected a number of at least 1, got {number}")
    return number


class Command(BaseCommand):
    help = "Add synthetic collaborations, participants and attendance at any scale (bench data)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--municipalities", type=_positive, default=9, help="how many (default 9)"
        )
        parser.add_argument(
            "--participants", type=_positive, default=1000, help="how many (default 1000)"
        )
        parser.add_argument(
            "--weeks", type=_positive, default=40, help="weeks of sessions (default 40)"
        )
        parser.add_argument("--seed", type=int, default=1, help="same seed, same data (default 1)")
        parser.add_argument(
            "--start",
            default=synthetic.DEFAULT_START.isoformat(),
            help=f"first week, YYYY-MM-DD (default {synthetic.DEFAULT_START.isoformat()})",
        )
        parser.add_argument(
            "--append",
            action="store_true",
            help="add to a database that already holds synthetic data",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="run with DEBUG off (a bench or test database only, never real families' data)",
        )
        parser.add_argument("--quiet", action="store_true", help="no progress bar")

    @national_scope()  # synthetic data for many collaborations
    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "seed_synthetic adds invented participants that the funder report counts. It "
                "refuses to run with DEBUG off; use --force on a bench or test database only."
            )
        try:
            start = date.fromisoformat(options["start"])
        except ValueError:
            raise CommandError(
                f"--start must be a date written YYYY-MM-DD; got {options['start']!r}."
            ) from None
        existing = synthetic.synthetic_collaborations().count()
        if existing and not options["append"]:
            raise CommandError(
                f"This database already holds synthetic data ({existing} collaborations led by "
                f"members of {synthetic.SYNTHETIC_ROOT!r}). Run with --append to add more, or "
                "use a fresh database."
            )
        wanted = options["municipalities"]
        if wanted > options["participants"]:
            raise CommandError(
                f"--participants ({options['participants']}) must be at least "
                f"--municipalities ({wanted}): every municipality gets a collaboration."
            )
        from samverka.orgs.models import Municipality

        room = Municipality.objects.count() + synthetic.max_new_municipalities()
        if wanted > room:
            raise CommandError(
                f"--municipalities can be at most {room} here (four-digit codes run out)."
            )
        opts = synthetic.Options(
            municipalities=wanted,
            participants=options["participants"],
            weeks=options["weeks"],
            seed=options["seed"],
            start=start,
        )
        stream = _Silent() if options["quiet"] else self.stderr._out
        result = synthetic.Generator(opts, progress_stream=stream).run()
        counts = result.counts
        participants = counts["participants.Participant"]
        attendance = counts["activities.Attendance"]
        per = attendance / participants if participants else 0
        self.stdout.write(
            self.style.SUCCESS(
                f"Synthetic data added in {synthetic._duration(result.seconds)} (seed {opts.seed}):"
            )
        )
        rows = [
            ("municipalities", wanted, f"{result.new_municipalities} new"),
            ("collaborations", result.collaborations, ""),
            ("organisations", counts["orgs.Organisation"], ""),
            ("activities", counts["activities.Activity"], ""),
            ("sessions", counts["activities.Session"], ""),
            ("households", counts["participants.Household"], ""),
            ("participants", participants, ""),
            ("consent entries", counts["participants.ConsentEntry"], ""),
            ("attendance", attendance, f"{per:.1f} per participant"),
            ("headcount cells", counts["activities.Headcount"], ""),
            ("survey rounds", counts["surveys.Round"], ""),
            ("survey responses", counts["surveys.Response"], "sent"),
            ("survey answers", counts["surveys.Answer"], ""),
            ("referrals", counts["referrals.Referral"], ""),
        ]
        for label, number, note in rows:
            self.stdout.write(f"  {label:<16} {number:>12,}" + (f"  ({note})" if note else ""))


class _Silent:
    def write(self, text):
        pass

    def flush(self):
        pass

    def isatty(self):
        return False
