"""Settings for Claim Ledger. Every value that varies by machine comes from the environment, read here once."""
import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.management.utils import get_random_secret_key

from config.env import env_bool, env_choice, env_file_text, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", False)
TESTING = "pytest" in sys.modules
# Where `make run` keeps development keys, outside the repository; used when the variables are unset.
STATE_DIR = Path(env_str("CLAIMLEDGER_STATE_DIR", str(Path.home() / ".claim-ledger"))).expanduser()
DEV_SECRET_KEY_FILE = STATE_DIR / "secret-key"
SECRET_KEY = env_str("DJANGO_SECRET_KEY") or env_file_text("DJANGO_SECRET_KEY_FILE")
if not SECRET_KEY and not TESTING and DEV_SECRET_KEY_FILE.is_file():
    SECRET_KEY = DEV_SECRET_KEY_FILE.read_text(encoding="utf-8").strip()
SECRET_KEY_CONFIGURED = bool(SECRET_KEY)
if not SECRET_KEY:
    # A key that lives as long as the process, so offline commands (extract_claims, check) run anywhere;
    # config/wsgi.py and config/asgi.py refuse to serve with it unless DJANGO_DEBUG=1.
    SECRET_KEY = get_random_secret_key()
# What a production server (DJANGO_DEBUG=0) must be given; config/serving.py refuses to serve or work without it.
PRODUCTION_VARIABLES = ["DJANGO_ALLOWED_HOSTS", "DJANGO_CSRF_TRUSTED_ORIGINS", "DATABASE_URL",
                        "LEDGER_SIGNING_KEY_FILE", "CELERY_BROKER_URL"]
PRODUCTION_MISSING = (["DJANGO_SECRET_KEY (or DJANGO_SECRET_KEY_FILE)"] if not SECRET_KEY_CONFIGURED else []) + [
    name for name in PRODUCTION_VARIABLES if not (env_str(name) or "").strip()]
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # First, so that its recorded createsuperuser, changepassword and drf_create_token replace the stock ones.
    "people",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI's files, served from our static files (no CDN)
    "ledger",
    "sources",
    "evidence",
    "claims",
    "events",
    "publishing",
    "review",
    "webhooks",
    "batches",
    "desk",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.security.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.middleware.LockWaitMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Logins are throttled per account and per address (django-axes); each lockout is kept in its tables and the ledger.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = env_int("CLAIMLEDGER_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("CLAIMLEDGER_LOGIN_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "review.context_processors.notifications",
            ],
        },
    },
]

# SQLite is the embedded default; DATABASE_URL=postgres://... selects PostgreSQL. On PostgreSQL,
# DATABASE_OWNER_URL names the role that owns the tables: `migrate` alone connects as it, the site as DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0, minimum=0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent reviewers: WAL lets readers run beside a writer, IMMEDIATE takes the write lock at BEGIN
    # (no deadlocking lock upgrades), and the timeout makes a second writer wait instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("SQLITE_BUSY_TIMEOUT_SECONDS", 20, minimum=1),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
    # Tests use a file, not shared-cache memory, so concurrent-writer tests see real WAL locking.
    TEST_DB_FILE = Path(tempfile.gettempdir()) / f"claimledger-test-{os.getpid()}.sqlite3"
    DATABASES["default"]["TEST"] = {"NAME": str(TEST_DB_FILE)}

DATABASE_OWNER_URL = env_str("DATABASE_OWNER_URL") or None
# A read replica (a streaming copy of the primary) for searches, lists and exports: config/replica.py.
REPLICA_URL = env_str("DATABASE_REPLICA_URL")
if TESTING and not REPLICA_URL:
    # A second, empty database stands in for the replica in the tests that ask for it.
    default = DATABASES["default"]
    if default["ENGINE"] == "django.db.backends.sqlite3":
        REPLICA_URL = f"sqlite:///{Path(tempfile.gettempdir()) / f'claimledger-replica-{os.getpid()}.sqlite3'}"
    else:
        REPLICA_URL = f"postgres://{default['USER']}@{default['HOST'] or '127.0.0.1'}:{default['PORT'] or 5432}/" \
                      f"{default['NAME']}_replica"
if REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(REPLICA_URL,
                                                 conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0, minimum=0))
    if DATABASES["replica"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["replica"]["TEST"] = {"NAME": DATABASES["replica"]["NAME"]}
    MIDDLEWARE.insert(1, "config.replica.ReplicaReadsMiddleware")
DATABASE_ROUTERS = ["config.replica.ReplicaRouter"]
# Reads go to the replica only when one is configured for real; the tests' stand-in is switched on by its tests.
DATABASE_REPLICA_READS = bool(env_str("DATABASE_REPLICA_URL"))
# How long after a write a browser keeps reading from the primary, so it sees its own change on the lists.
DATABASE_REPLICA_LAG_SECONDS = env_int("DATABASE_REPLICA_LAG_SECONDS", 10, minimum=0)
# Throttles and lockout counters live in the cache every process shares: Redis when CLAIMLEDGER_CACHE_URL names
# one (redis://127.0.0.1:6379/0), else this process's memory (fine for one `make run` process).
CACHE_URL = env_str("CLAIMLEDGER_CACHE_URL")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL,
                      "KEY_PREFIX": "claimledger"} if CACHE_URL else
          {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# A writer that waited LEDGER_LOCK_TIMEOUT_MS (PostgreSQL) or SQLITE_BUSY_TIMEOUT_SECONDS answers 503 with this.
CLAIMLEDGER_RETRY_AFTER_SECONDS = env_int("CLAIMLEDGER_RETRY_AFTER_SECONDS", 5, minimum=1)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles"))).expanduser()
# Served by WhiteNoise after `collectstatic`: in production each file gets a content-hashed name (cached for
# a year) and a gzip/brotli copy; development and tests read the files where they are.
STATIC_STORAGE = ("whitenoise.storage.CompressedManifestStaticFilesStorage" if not DEBUG and not TESTING
                  else "django.contrib.staticfiles.storage.StaticFilesStorage")
if not DEBUG and not TESTING:
    # Static files straight from the app server, before sessions and auth run (runserver serves them in development).
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")
# Evidence files: the filesystem by default; any Django storage backend (an S3-compatible bucket through
# django-storages' "storages.backends.s3.S3Storage", with its AWS_* variables) by setting.
# The filesystem storage reads MEDIA_ROOT when it first stores a file; nothing under it is served directly.
MEDIA_ROOT = Path(env_str("CLAIMLEDGER_EVIDENCE_DIR", str(STATE_DIR / "evidence"))).expanduser()
EVIDENCE_STORAGE_BACKEND = env_str("CLAIMLEDGER_EVIDENCE_STORAGE", "django.core.files.storage.FileSystemStorage")
EVIDENCE_STORAGE_OPTIONS = (
    {"file_permissions_mode": 0o640}
    if EVIDENCE_STORAGE_BACKEND.endswith("FileSystemStorage")
    else {"bucket_name": env_str("CLAIMLEDGER_EVIDENCE_BUCKET", ""),
          "endpoint_url": env_str("CLAIMLEDGER_EVIDENCE_ENDPOINT_URL"), "default_acl": "private",
          "querystring_auth": True}
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": STATIC_STORAGE},
    "evidence": {"BACKEND": EVIDENCE_STORAGE_BACKEND, "OPTIONS": EVIDENCE_STORAGE_OPTIONS},
}
CLAIMLEDGER_EVIDENCE_MAX_BYTES = env_int("CLAIMLEDGER_EVIDENCE_MAX_BYTES", 50 * 1024 * 1024, minimum=1024)

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
# Sent by SecurityMiddleware on every response (these are Django's defaults, named so they stay);
# config/security.py adds the Content-Security-Policy and Permissions-Policy to every HTML page.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# TLS ends at the reverse proxy (deploy/nginx.conf), which sets X-Forwarded-Proto; Django trusts that header
# only because gunicorn listens on 127.0.0.1, behind the proxy, where nobody else can reach it.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31_536_000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
# The header may ask browsers to preload HTTPS; nothing is preloaded until the domain is submitted to the list.
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", not DEBUG)
SILENCED_SYSTEM_CHECKS = [
    # security.W008 (SECURE_SSL_REDIRECT off): the reverse proxy answers plain HTTP with a redirect to HTTPS
    # (deploy/nginx.conf), so no plain request reaches Django; redirecting here too would break `make serve`
    # tried on 127.0.0.1 without the proxy.
    "security.W008",
]

# Reports are uploaded as text; anything larger than this is refused before it reaches the extractor.
MAX_REPORT_BYTES = env_int("CLAIMLEDGER_MAX_REPORT_BYTES", 5 * 1024 * 1024, minimum=1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_REPORT_BYTES + 1024 * 1024
# Background ingest: most reports one batch may hold, and the largest .zip the batch API accepts.
MAX_BATCH_REPORTS = env_int("CLAIMLEDGER_MAX_BATCH_REPORTS", 10_000, minimum=1)
MAX_BATCH_UPLOAD_BYTES = env_int("CLAIMLEDGER_MAX_BATCH_UPLOAD_BYTES", 200 * 1024 * 1024, minimum=1024)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # JSON first; browsers get the read-only browsable API (config/formats.py says why it has no forms).
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer", "config.formats.BrowsableAPIRenderer"],
    "DEFAULT_PARSER_CLASSES": ["config.formats.JSONParser", "rest_framework.parsers.FormParser",
                               "rest_framework.parsers.MultiPartParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "config.api.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "config.api.exception_handler",
    "DEFAULT_THROTTLE_RATES": {
        "writes": env_str("CLAIMLEDGER_WRITE_RATE", "1000/min"),
        "ledger_verify": env_str("LEDGER_VERIFY_RATE", "12/min"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Claim Ledger API",
    "DESCRIPTION": "Claims, their sources, reviewers' marks and the hash-chained ledger of every change.",
    "VERSION": "1.0.0",
    # Every operation also documents 400/401/403/404/406/429/503 in the one error shape (config/schema.py).
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "config.schema.add_common_errors"],
    "SERVE_INCLUDE_SCHEMA": False,
    # The schema maps every endpoint and filter: only people with a newsroom role may read it.
    "SERVE_PERMISSIONS": ["people.permissions.IsViewer"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Attributions and marks both have a "stance", with different choices: name the two enums apart.
    "ENUM_NAME_OVERRIDES": {
        "AttributionStanceEnum": "claims.models.Stance",
        "MarkStanceEnum": "claims.models.AssessmentStance",
        "StatusEnum": "claims.models.Status",
        "KindEnum": "sources.models.SourceKind",
        "ReviewStateEnum": "review.models.ReviewState",
        "NotificationKindEnum": "review.models.NotificationKind",
        "DeliveryStatusEnum": "webhooks.models.DeliveryStatus",
        "PayloadFormatEnum": "webhooks.models.PayloadFormat",
    },
}

# The ledger: where the Ed25519 checkpoint key lives, and how often a checkpoint is signed.
LEDGER_SIGNING_KEY_FILE = env_str("LEDGER_SIGNING_KEY_FILE")
if LEDGER_SIGNING_KEY_FILE is None and not TESTING and (STATE_DIR / "ledger-signing-key.pem").is_file():
    LEDGER_SIGNING_KEY_FILE = str(STATE_DIR / "ledger-signing-key.pem")
LEDGER_CHECKPOINT_EVERY = env_int("LEDGER_CHECKPOINT_EVERY", 1, minimum=1)
LEDGER_LOCK_TIMEOUT_MS = env_int("LEDGER_LOCK_TIMEOUT_MS", 5000, minimum=1)
# Who may read the ledger API; the ledger imports no other app, so the wiring names the class here.
LEDGER_READ_PERMISSION_CLASSES = ["people.permissions.IsViewer"]
# Account changes in the ledger are read in full by admins only; others see who acted, not the payload.
LEDGER_PRIVATE_OBJECT_TYPES = ["user"]
LEDGER_SEES_PRIVATE = "people.roles.is_admin"

# Sections other apps add to a claim's detail in the API (name → serializer); claims imports none of them.
CLAIM_DETAIL_SECTIONS = {"review": "review.serializers.ClaimReviewSectionSerializer"}

# Background work (bulk ingest, follow-up tasks) on Celery. Only `--queue` and the batch API need the broker.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0")
# One queue for every background task; tests and neighbouring deployments on one Redis pick their own.
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_QUEUE", "claimledger")
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# Progress is kept in the database (ingest batches), so no result backend is needed.
CELERY_TASK_IGNORE_RESULT = True
# A task is acknowledged only once it has finished, and a worker that dies mid-task hands it back:
# every task is one transaction and idempotent, so running it again is safe.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A worker killed outright (not just its child) leaves its task unacknowledged: Redis hands it out again
# after this many seconds. Keep it longer than the slowest task.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT_SECONDS", 3600, minimum=10),
}
CELERY_BROKER_CONNECTION_TIMEOUT = env_int("CELERY_BROKER_CONNECTION_TIMEOUT_SECONDS", 3, minimum=1)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

# The name under which the organisation publishes its fact-checks (ClaimReview author).
# Competing accounts: when new claims are embedded once their ingest commits (inline: in the ingesting
# process; queue: a Celery task for `make worker`; off: only `manage.py embed_claims`), and which ranking
# the API uses (combined, embedding alone, or current: today's word signals).
CLAIMLEDGER_EMBED_AT_INGEST = env_choice("CLAIMLEDGER_EMBED_AT_INGEST", "inline", ["inline", "queue", "off"])
COMPETING_RANKING = env_choice("COMPETING_RANKING", "combined", ["combined", "embedding", "current"])
CLAIMLEDGER_ORGANISATION = env_str("CLAIMLEDGER_ORGANISATION", "Claim Ledger")
CLAIMLEDGER_PUBLIC_URL = env_str("CLAIMLEDGER_PUBLIC_URL", "http://127.0.0.1:8000")
# The ledger's name in its C2SP checkpoints (origin line and signing key name): host name + /claim-ledger.
LEDGER_ORIGIN = env_str("LEDGER_ORIGIN") or f"{urlsplit(CLAIMLEDGER_PUBLIC_URL).hostname or 'localhost'}/claim-ledger"
# Witnesses whose cosignatures the ledger accepts: "name=base64 Ed25519 public key", comma-separated; with
# "@https://prefix" after the key, each new checkpoint is pushed to that C2SP tlog-witness (add-checkpoint).
LEDGER_WITNESSES = env_list("LEDGER_WITNESSES", [])
LEDGER_WITNESS_TIMEOUT_SECONDS = env_int("LEDGER_WITNESS_TIMEOUT_SECONDS", 3, minimum=1)
# A directory outside the database where every new checkpoint note is also appended (checkpoints.log).
LEDGER_CHECKPOINT_DIR = env_str("LEDGER_CHECKPOINT_DIR") or None

# E-mail: when CLAIMLEDGER_NOTIFICATION_EMAILS=1, mentions, assignments and approvals asked are also mailed
# (by the Celery worker, after the change commits) to people who have an address.
NOTIFICATION_EMAILS = env_bool("CLAIMLEDGER_NOTIFICATION_EMAILS", False)
EMAIL_HOST = env_str("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 25, minimum=1)
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "claim-ledger@localhost")

# Webhooks: http and loopback/private targets only for development and tests; attempts, back-off and timeout.
WEBHOOKS_ALLOW_LOCAL = env_bool("CLAIMLEDGER_WEBHOOKS_ALLOW_LOCAL", False)
WEBHOOKS_MAX_ATTEMPTS = env_int("CLAIMLEDGER_WEBHOOKS_MAX_ATTEMPTS", 8, minimum=1)
WEBHOOKS_RETRY_SECONDS = env_int("CLAIMLEDGER_WEBHOOKS_RETRY_SECONDS", 30, minimum=1)
WEBHOOKS_TIMEOUT_SECONDS = env_int("CLAIMLEDGER_WEBHOOKS_TIMEOUT_SECONDS", 10, minimum=1)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "WARNING")},
}
