"""Shared personas for the whole suite (after healthchecks' alice/bob/charlie).

kalmar.ngo (coordinator), kalmar.kommun (municipal contact), kalmar.ledare
(activity leader), boden.ngo (coordinator in Boden), boden.kommun, forskare
(national researcher) and nationell (national lead, with a verified second
factor when logged in through `login_as`).
"""

import copy
import importlib
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test import override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from samverka.accounts.models import Membership, User
from samverka.accounts.roles import NationalRole, Role
from samverka.lib.scoping import national_scope, unscoped
from samverka.orgs.models import Collaboration, Municipality, Organisation, OrganisationKind

PASSWORD = "a-long-test-password-42"


@pytest.fixture(scope="session")
def _media_root(tmp_path_factory):
    return tmp_path_factory.mktemp("media")


def _tables_from_the_models() -> bool:
    """The test databases are made from the models (Django's TEST MIGRATE False) instead of by
    running every migration: a test process's database setup took 32.5 s of CPU, mostly rendering
    the migrations' model states, and takes 6.3 s this way. The migrations themselves are still
    tested: on PostgreSQL the load test's smoke test (tests/test_bench_smoke.py) migrates a new
    database from nothing and serves the app from it, tests/test_upgrade.py migrates a database
    of the previous release forwards (on both databases), and `makemigrations --check` (lint)
    keeps models and migrations in step. SAMVERKA_TEST_MIGRATE=1 migrates the test databases as
    before."""
    from os import environ

    return environ.get("SAMVERKA_TEST_MIGRATE") != "1"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    if _tables_from_the_models():
        django_settings.DATABASES["default"].setdefault("TEST", {})["MIGRATE"] = False


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """With tables made from the models, what the migrations do beyond tables is done here:
    every RunPython of Samverka's migrations runs in order (the programme's municipalities,
    triggers where the database has them, back-fills that find nothing to fill) and every
    migration is recorded as applied, so tests of migrations find the history they expect."""
    if not _tables_from_the_models():
        return
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations.special import RunPython
    from django.db.migrations.recorder import MigrationRecorder

    with django_db_blocker.unblock():
        loader = MigrationLoader(connection)
        recorder = MigrationRecorder(connection)
        nodes = []
        for leaf in loader.graph.leaf_nodes():
            nodes += [n for n in loader.graph.forwards_plan(leaf) if n not in nodes]
        with connection.schema_editor() as editor, national_scope():
            for key in nodes:
                migration = loader.graph.nodes[key]
                if migration.__module__.startswith("samverka."):
                    for operation in migration.operations:
                        if isinstance(operation, RunPython):
                            operation.code(apps, editor)
                recorder.record_applied(*key)


def suite_settings(media_root) -> dict:
    """What every test runs with (applied per test by `_fast_and_plain`, and around the building
    of rows shared by a module, `module_rows`)."""
    return {
        "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
        "STORAGES": {
            **django_settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        "SECURE_SSL_REDIRECT": False,
        "LANGUAGE_CODE": "sv",
        # National pages read the primary here: live-server threads would otherwise route to the
        # replica alias (samverka/lib/tests/test_replica.py turns it on against a real replica).
        "REPLICA_READS": False,
        # Stored files (documents, the demo's archive, background work) never land in the
        # worktree.
        "MEDIA_ROOT": media_root,
        # The cache holds counters (guessed survey links per address) and kept figures: each test
        # starts without another's. In memory here, so that tests without the database may use it;
        # the database cache of production (settings.CACHES) is tested where it matters
        # (samverka/lib/tests/test_no_state_in_a_process.py, the respondent's query counts).
        "CACHES": {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
    }


@pytest.fixture(autouse=True)
def _fast_and_plain(settings, _media_root):
    for name, value in suite_settings(_media_root).items():
        setattr(settings, name, value)
    from django.core.cache import cache

    cache.clear()


@contextmanager
def rows_for_a_module(django_db_blocker, media_root, build):
    """`build()`'s rows, written inside a transaction that is rolled back on leaving; the tests
    in between (with `db`, not `transactional_db` or a live server) each run in a savepoint
    inside it, as pytest-django allows, so what a test writes is undone and the rows stay as
    built."""
    atomic = transaction.atomic()
    with django_db_blocker.unblock():
        atomic.__enter__()
        try:
            with override_settings(**suite_settings(media_root)), national_scope():
                value = build()
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(*sys.exc_info())
            raise
    try:
        yield value
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def module_rows(build):
    """A module-scoped fixture whose value is `build()`, run once per module (and test worker)
    (see `rows_for_a_module`). For parametrized walkers that would otherwise build the same rows
    for each of a thousand tests. Treat the returned objects as read-only."""

    @pytest.fixture(scope="module")
    def fixture(django_db_setup, django_db_blocker, _media_root):
        with rows_for_a_module(django_db_blocker, _media_root, build) as value:
            yield value

    return fixture


# Modules whose tests all use `world` and none a real transaction: they share one world, built
# once per module and worker (`_shared_world`), and each test gets a copy of its objects.
SHARED_WORLD_MODULES: set[str] = set()
TRANSACTIONAL = {"transactional_db", "live_server", "_migration_data", "django_db_reset_sequences"}


def _transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or (marker.args[:1] == (True,))):
        return True
    return bool(TRANSACTIONAL & set(item.fixturenames))


def pytest_collection_modifyitems(items):
    modules: dict[str, list] = {}
    for item in items:
        modules.setdefault(item.nodeid.split("::")[0], []).append(item)
    for nodeid, module_items in modules.items():
        database = [i for i in module_items if "db" in i.fixturenames or _transactional(i)]
        if (
            database
            and all("world" in i.fixturenames for i in database)
            and not any(_transactional(i) for i in database)
        ):
            SHARED_WORLD_MODULES.add(nodeid)


@pytest.fixture(scope="module")
def _shared_world(request):
    """Building the personas costs each test some thirty rows; a module that qualifies (see
    SHARED_WORLD_MODULES) builds them once, and `world` hands each test a deep copy (as
    Django's setUpTestData does), so in-memory changes do not leak from one test to the next.
    Being module-scoped, pytest sets it up before the test's `db` (a function-scoped fixture).
    Only tests that use `world` request it: a module's tests without the database run after
    the transactional tests (pytest-django's order), which empty the tables."""
    if request.node.nodeid not in SHARED_WORLD_MODULES:
        yield None
        return
    request.getfixturevalue("django_db_setup")
    blocker = request.getfixturevalue("django_db_blocker")
    media_root = request.getfixturevalue("_media_root")
    with rows_for_a_module(blocker, media_root, build_world) as world:
        yield world


def on_the_shared_world(build):
    """A module-scoped fixture whose value is `build(world)`, run once per module (and worker) on
    the module's shared world and rolled back with it; for objects that many tests of a module
    only read or change inside their own savepoint (URL arguments, a round with thirty answers).
    Only for SHARED_WORLD_MODULES; request it through a function-scoped fixture that also takes
    `world` (so that the module stays one), and copy what the tests may change in memory."""

    @pytest.fixture(scope="module")
    def fixture(_shared_world, django_db_blocker, _media_root):
        assert _shared_world is not None, "every database test of this module uses `world`"
        with (
            django_db_blocker.unblock(),
            override_settings(**suite_settings(_media_root)),
            national_scope(),
        ):
            return build(_shared_world)

    return fixture


@pytest.fixture(autouse=True)
def _tenant_scopes(monkeypatch):
    """Test bodies build and inspect rows of several collaborations, so they run in the national
    scope. What they exercise starts unscoped, as in production: every request
    (ScopeResetMiddleware) and every management command (below), so a view or command that
    forgets to declare its scope fails here with ScopeError."""
    execute = BaseCommand.execute

    def execute_unscoped(self, *args, **options):
        with unscoped():
            return execute(self, *args, **options)

    monkeypatch.setattr(BaseCommand, "execute", execute_unscoped)
    with national_scope():
        yield


def pytest_configure(config):
    """Between transactional tests Django empties every table with TRUNCATE; on PostgreSQL the
    audit trail refuses that unless the owner's session says so (audit migration 0003). The flush
    runs after every fixture's teardown, so it is patched for the whole run."""
    from django.core.management.commands import flush
    from django.db import connections

    handle = flush.Command.handle

    def handle_allowing_truncate(self, **options):
        connection = connections[options.get("database") or "default"]
        postgres = connection.vendor == "postgresql"
        if postgres:
            with connection.cursor() as cursor:
                cursor.execute("SET samverka.allow_audit_truncate = 'on'")
        try:
            return handle(self, **options)
        finally:
            if postgres:
                with connection.cursor() as cursor:
                    cursor.execute("RESET samverka.allow_audit_truncate")

    flush.Command.handle = handle_allowing_truncate


@pytest.fixture
def _migration_data(transactional_db):
    """Put back the rows that data migrations ship (the programme municipalities).

    Transactional tests (live-server tests, tests of migrations and database roles) are
    TransactionTestCases, whose flush after each test empties every table. `serialized_rollback`
    cannot restore them for live-server tests: the serialized copy hangs on the connection object
    made when the test database was created, and once Playwright has started the test code gets
    another one (tests/browser/conftest.py, `browser`).
    """
    add_municipalities = importlib.import_module(
        "samverka.orgs.migrations.0002_programme_municipalities"
    ).add_municipalities
    add_municipalities(apps, None)


@dataclass
class World:
    kalmar: Collaboration
    boden: Collaboration
    kalmar_partner: Organisation
    boden_partner: Organisation
    kalmar_ngo: User
    kalmar_kommun: User
    kalmar_ledare: User
    kalmar_partner_user: User
    boden_ngo: User
    boden_kommun: User
    forskare: User
    nationell: User


def make_user(username: str, *, national_role: str = "", **extra) -> User:
    user = User.objects.create_user(
        username=username,
        password=PASSWORD,
        first_name=username.split(".")[0].title(),
        last_name="Testsson",
        national_role=national_role,
        **extra,
    )
    return user


def make_collaboration(code: str, town: str) -> tuple[Collaboration, Organisation]:
    municipality = Municipality.objects.get(code=code)
    lead = Organisation.objects.create(
        name=f"Barnkraft {town}", kind=OrganisationKind.CSO, municipality=municipality
    )
    partner = Organisation.objects.create(
        name=f"{town} bibliotek", kind=OrganisationKind.LIBRARY, municipality=municipality
    )
    collaboration = Collaboration.objects.create(
        name=f"Barn i fokus {town}",
        municipality=municipality,
        lead_organisation=lead,
        starts_on=date(2024, 1, 1),
        ends_on=date(2025, 12, 31),
    )
    collaboration.partners.add(partner)
    return collaboration, partner


@pytest.fixture
def world(db, _shared_world) -> World:
    if _shared_world is not None:
        return copy.deepcopy(_shared_world)
    return build_world()


def build_world() -> World:
    kalmar, kalmar_partner = make_collaboration("0880", "Kalmar")
    boden, boden_partner = make_collaboration("2582", "Boden")
    people = {
        "kalmar_ngo": (make_user("kalmar.ngo"), kalmar, Role.COORDINATOR),
        "kalmar_kommun": (make_user("kalmar.kommun"), kalmar, Role.MUNICIPAL_CONTACT),
        "kalmar_ledare": (make_user("kalmar.ledare"), kalmar, Role.ACTIVITY_LEADER),
        "kalmar_partner_user": (make_user("kalmar.partner"), kalmar, Role.PARTNER),
        "boden_ngo": (make_user("boden.ngo"), boden, Role.COORDINATOR),
        "boden_kommun": (make_user("boden.kommun"), boden, Role.MUNICIPAL_CONTACT),
    }
    for user, collaboration, role in people.values():
        Membership.objects.create(user=user, collaboration=collaboration, role=role)
    nationell = make_user("nationell", national_role=NationalRole.NATIONAL_LEAD)
    forskare = make_user("forskare", national_role=NationalRole.RESEARCHER)
    for national in (nationell, forskare):  # every national role uses a second factor
        TOTPDevice.objects.create(user=national, name="test", confirmed=True)
    return World(
        kalmar=kalmar,
        boden=boden,
        kalmar_partner=kalmar_partner,
        boden_partner=boden_partner,
        forskare=forskare,
        nationell=nationell,
        **{name: user for name, (user, _, _) in people.items()},
    )


@pytest.fixture
def login_as(client):
    """Log a persona in, with a verified second factor if they have one."""

    def _login(user: User):
        client.force_login(user)
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is not None:
            session = client.session
            session["otp_device_id"] = device.persistent_id
            session.save()
        return client

    return _login
