#include "core/postmortem/redactor.h"
#include "testsupport/testsupport.h"

#include <QTest>

using namespace idesk;
using namespace Qt::StringLiterals;

// The corpus: real-looking secrets in the places they turn up during an incident (logs, env
// dumps, curl commands, kubeconfigs, JSON bodies), and look-alikes that must come through as is.
// The secrets below are made up or are the vendors' published examples.
class TestRedactor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void secrets_data();
    void secrets();
    void lookAlikes_data();
    void lookAlikes();
    void idempotent_data() { secrets_data(); }
    void idempotent();
    void countsEveryOccurrence();
    void unterminatedPrivateKey();
    void manyTextsAtOnce();
};

void TestRedactor::secrets_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("kind");

    QTest::newRow("aws access key id")
        << u"export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE"_s
        << u"export AWS_ACCESS_KEY_ID=[REDACTED]"_s << 1 << u"aws-access-key"_s;
    QTest::newRow("aws session key id in prose")
        << u"creds ASIAY34FZKBOKMUTVV7A expired at 14:02"_s
        << u"creds [REDACTED] expired at 14:02"_s << 1 << u"aws-access-key"_s;
    QTest::newRow("aws secret key in env")
        << u"AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"_s
        << u"AWS_SECRET_ACCESS_KEY=[REDACTED]"_s << 1 << u"aws-secret-key"_s;
    QTest::newRow("aws secret key in credentials file")
        << u"[default]\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"_s
        << u"[default]\naws_secret_access_key = [REDACTED]\n"_s << 1 << u"aws-secret-key"_s;
    QTest::newRow("pem rsa private key")
        << u"key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM\n"
           "b5Nq4JvQ9k2x8yY=\n-----END RSA PRIVATE KEY-----\ndone"_s
        << u"key:\n-----BEGIN RSA PRIVATE KEY-----\n[REDACTED]\n-----END RSA PRIVATE KEY-----\ndone"_s
        << 1 << u"private-key"_s;
    QTest::newRow("pem openssh private key")
        << u"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAA\n-----END OPENSSH PRIVATE KEY-----"_s
        << u"-----BEGIN OPENSSH PRIVATE KEY-----\n[REDACTED]\n-----END OPENSSH PRIVATE KEY-----"_s
        << 1 << u"private-key"_s;
    QTest::newRow("bearer token header")
        << u"curl -H \"Authorization: Bearer 4f9d8c7b6a5e4d3c2b1a0f9e8d7c6b5a\" https://api.linkdao.io"_s
        << u"curl -H \"Authorization: Bearer [REDACTED]\" https://api.linkdao.io"_s << 1
        << u"bearer-token"_s;
    QTest::newRow("jwt")
        << u"session eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c rejected"_s
        << u"session [REDACTED] rejected"_s << 1 << u"jwt"_s;
    QTest::newRow("basic auth header")
        << u"Authorization: Basic b3JkZXJzOmh1bnRlcjIy"_s << u"Authorization: Basic [REDACTED]"_s
        << 1 << u"basic-auth"_s;
    QTest::newRow("password pair")
        << u"login failed user=orders password=hunter22 host=db"_s
        << u"login failed user=orders password=[REDACTED] host=db"_s << 1 << u"key-value-secret"_s;
    QTest::newRow("quoted env password")
        << u"POSTGRES_PASSWORD='s3cr3t p@ss'"_s << u"POSTGRES_PASSWORD='[REDACTED]'"_s << 1
        << u"key-value-secret"_s;
    QTest::newRow("token in query string")
        << u"GET /v2/orders?access_token=abc123def456&page=2"_s
        << u"GET /v2/orders?access_token=[REDACTED]&page=2"_s << 1 << u"key-value-secret"_s;
    QTest::newRow("api key pair") << u"INFURA_API_KEY=9aa3d95b3bc440fa88ea12eaa4456161 secret=xyz"_s
                                  << u"INFURA_API_KEY=[REDACTED] secret=[REDACTED]"_s << 2
                                  << u"key-value-secret"_s;
    QTest::newRow("json password")
        << u"{\"user\": \"orders\", \"password\": \"hunter22\", \"db\": \"prod\"}"_s
        << u"{\"user\": \"orders\", \"password\": \"[REDACTED]\", \"db\": \"prod\"}"_s << 1
        << u"json-secret"_s;
    QTest::newRow("json client secret with escapes")
        << u"{\"client_secret\":\"a\\\"b\\\\c\"}"_s << u"{\"client_secret\":\"[REDACTED]\"}"_s << 1
        << u"json-secret"_s;
    QTest::newRow("postgres uri")
        << u"DATABASE_URL=postgres://web3marketplace:Pa55w0rd@postgres:5432/web3marketplace_production"_s
        << u"DATABASE_URL=postgres://web3marketplace:[REDACTED]@postgres:5432/web3marketplace_production"_s
        << 1 << u"uri-password"_s;
    QTest::newRow("https uri with password")
        << u"git clone https://deploy:gh0stP4ss@git.example.com/repo.git"_s
        << u"git clone https://deploy:[REDACTED]@git.example.com/repo.git"_s << 1
        << u"uri-password"_s;
    QTest::newRow("redis uri, password with @")
        << u"redis://:p@ss@redis:6379/0"_s << u"redis://:[REDACTED]@redis:6379/0"_s << 1
        << u"uri-password"_s;
    QTest::newRow("kubeconfig token")
        << u"users:\n- name: admin\n  user:\n    token: kubeadm-token-abcdef0123456789\n"_s
        << u"users:\n- name: admin\n  user:\n    token: [REDACTED]\n"_s << 1 << u"yaml-secret"_s;
    QTest::newRow("kubeconfig client-key-data")
        << u"    client-certificate-data: LS0tLS1CRUdJTiBDRVJU\n    client-key-data: LS0tLS1CRUdJTiBSU0Eg\n"_s
        << u"    client-certificate-data: LS0tLS1CRUdJTiBDRVJU\n    client-key-data: [REDACTED]\n"_s
        << 1 << u"yaml-secret"_s;
    QTest::newRow("slack bot token") << u"SLACK=xoxb-2048-3072-abcdefghijklmnopqrstuvwx posted"_s
                                     << u"SLACK=[REDACTED] posted"_s << 1 << u"slack-token"_s;
    QTest::newRow("slack webhook")
        << u"webhook https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"_s
        << u"webhook https://hooks.slack.com/services/[REDACTED]"_s << 1 << u"slack-webhook"_s;
    QTest::newRow("github token") << u"pushed with ghp_16C7e42F292c6912E7710c838347Ae178B4a by ci"_s
                                  << u"pushed with [REDACTED] by ci"_s << 1 << u"github-token"_s;
    QTest::newRow("stripe live key") << u"stripe key sk_live_4eC39HqLyjWDarjtT1zdp7dc leaked"_s
                                     << u"stripe key [REDACTED] leaked"_s << 1 << u"stripe-key"_s;
    QTest::newRow("cli password flag")
        << u"mysql --password hunter22 -h db"_s << u"mysql --password [REDACTED] -h db"_s << 1
        << u"cli-secret"_s;
    QTest::newRow("api key header line") << u"X-Api-Key: 0f1e2d3c4b5a69788796a5b4c3d2e1f0"_s
                                         << u"X-Api-Key: [REDACTED]"_s << 1 << u"yaml-secret"_s;
}

void TestRedactor::secrets()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QFETCH(int, count);
    QFETCH(QString, kind);
    const Redactor::Result r = Redactor().redact(input);
    QCOMPARE(r.text, expected);
    QCOMPARE(r.count, count);
    QCOMPARE(r.kinds.size(), count);
    QVERIFY2(r.kinds.contains(kind), qPrintable(r.kinds.join(u',')));
}

void TestRedactor::lookAlikes_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("git sha") << u"Deployed 9fceb02d0ae598e95dc970b74767f19372d61af8 at 14:20"_s;
    QTest::newRow("short sha") << u"rollback to 9fceb02"_s;
    QTest::newRow("uuid") << u"incident 3f2b6c1e-8d4a-4e6b-9c1f-2a7d5e8b9c0d declared"_s;
    QTest::newRow("password in prose")
        << u"The password reset flow failed; users could not change their password."_s;
    QTest::newRow("password policy with colon in prose")
        << u"Password: was rotated by the DBA at 15:10"_s;
    QTest::newRow("token alone") << u"The token expired and the refresh token flow broke."_s;
    QTest::newRow("secret alone") << u"Secret rotation is on the action items."_s;
    QTest::newRow("bearer in prose")
        << u"Bearer authentication failed for the bearer of bad news"_s;
    QTest::newRow("basic in prose") << u"Basic troubleshooting procedures were followed"_s;
    QTest::newRow("uri without password")
        << u"postgres://web3marketplace@postgres:5432/db and https://api.linkdao.io:443/health"_s;
    QTest::newRow("email") << u"mail devops-lead@linkdao.io or support@stripe.com"_s;
    QTest::newRow("placeholder values")
        << u"password=${DB_PASSWORD} token=<your-token> secret=*** api_key={{ vault }}"_s;
    QTest::newRow("max_tokens is not a token") << u"max_tokens=4096 passwordless=true"_s;
    QTest::newRow("stripe test placeholder from the runbook")
        << u"curl -s https://api.stripe.com/v1/charges -u sk_test_key:"_s;
    QTest::newRow("kubectl secret command") << u"kubectl get secret backend -o yaml"_s;
    QTest::newRow("empty password") << u"password=\ntoken="_s;
    QTest::newRow("aws-like lowercase") << u"akiaiosfodnn7example is not a key"_s;
    QTest::newRow("base64 without context") << u"etag wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"_s;
    QTest::newRow("certificate, not a key")
        << u"-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBa\n-----END CERTIFICATE-----"_s;
}

void TestRedactor::lookAlikes()
{
    QFETCH(QString, input);
    const Redactor::Result r = Redactor().redact(input);
    QCOMPARE(r.text, input);
    QCOMPARE(r.count, 0);
}

void TestRedactor::idempotent()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const Redactor::Result again = Redactor().redact(expected);
    QCOMPARE(again.text, expected);
    QCOMPARE(again.count, 0);
    Q_UNUSED(input);
}

void TestRedactor::countsEveryOccurrence()
{
    int total = 0;
    const QString out = Redactor().redact(
        u"a AKIAIOSFODNN7EXAMPLE b AKIAI44QH8DHBEXAMPLE c password=x1 d token=y2"_s, &total);
    QCOMPARE(out, u"a [REDACTED] b [REDACTED] c password=[REDACTED] d token=[REDACTED]"_s);
    QCOMPARE(total, 4);
    // the out-parameter accumulates, so callers can sum over many fields
    Redactor().redact(u"password=again"_s, &total);
    QCOMPARE(total, 5);
}

// Output excerpts are cut; a key whose END line was cut off must not leak its body.
void TestRedactor::unterminatedPrivateKey()
{
    const Redactor::Result r = Redactor().redact(
        u"-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBn\n"_s);
    QCOMPARE(r.text, u"-----BEGIN EC PRIVATE KEY-----\n[REDACTED]"_s);
    QCOMPARE(r.count, 1);
}

// The batch path (one scan over all texts) must give exactly what redacting one by one gives.
void TestRedactor::manyTextsAtOnce()
{
    QStringList texts;
    for (int i = 0; i < 300; ++i) {
        switch (i % 6) {
        case 0:
            texts << u"step %1: error rate at 5 percent"_s.arg(i);
            break;
        case 1:
            texts << u"password=p%1ss and AKIAIOSFODNN7EXAMPLE"_s.arg(i);
            break;
        case 2:
            texts << QString(); // empty texts keep their place
            break;
        case 3:
            texts << u"users:\n- name: a\n  user:\n    token: t0k3n%1\n"_s.arg(i);
            break;
        case 4:
            texts << u"commit 9fceb02d0ae598e95dc970b74767f19372d61af8"_s;
            break;
        default:
            texts << u"ends with a trigger word: secret"_s;
            break;
        }
    }
    QStringList expected;
    int expectedCount = 0;
    for (const QString &t : texts)
        expected << Redactor().redact(t, &expectedCount);

    std::vector<QString *> pointers;
    for (QString &t : texts)
        pointers.push_back(&t);
    QCOMPARE(Redactor().redactAll(pointers), expectedCount);
    QCOMPARE(expectedCount, 150); // 2 in every "1", 1 in every "3"
    QCOMPARE(texts, expected);
    QCOMPARE(Redactor().redactAll({}), 0);
}

QTEST_GUILESS_MAIN(TestRedactor)
#include "test_redactor.moc"
