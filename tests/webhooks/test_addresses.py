"""Where a hook may point: https to public addresses only, unless development allows local ones."""
import pytest

from webhooks.addresses import HTTPS_ONLY, NO_CREDENTIALS, url_refusal


@pytest.fixture(autouse=True)
def production(settings):
    settings.WEBHOOKS_ALLOW_LOCAL = False


@pytest.mark.parametrize("url", ["https://127.0.0.1/hook", "https://[::1]/hook", "https://10.0.0.5/hook",
                                 "https://192.168.1.20:8443/hook", "https://172.16.0.1/", "https://169.254.169.254/",
                                 "https://100.64.0.1/", "https://0.0.0.0/", "https://[::ffff:127.0.0.1]/",
                                 "https://[fd00::1]/", "https://localhost/hook"])
def test_loopback_private_and_reserved_addresses_are_refused(url):
    assert "public addresses" in url_refusal(url)


@pytest.mark.parametrize("url", ["http://93.184.216.34/hook", "ftp://93.184.216.34/", "javascript:alert(1)"])
def test_only_https_is_accepted(url):
    assert url_refusal(url) == HTTPS_ONLY


def test_a_public_https_address_is_accepted():
    assert url_refusal("https://93.184.216.34/hooks/claims") is None


def test_credentials_in_the_url_are_refused():
    assert url_refusal("https://user:pw@93.184.216.34/") == NO_CREDENTIALS


def test_an_unresolvable_host_is_refused():
    assert "cannot be resolved" in url_refusal("https://no-such-host.invalid/hook")


def test_development_may_allow_http_to_loopback(settings):
    settings.WEBHOOKS_ALLOW_LOCAL = True
    assert url_refusal("http://127.0.0.1:8001/hook") is None
