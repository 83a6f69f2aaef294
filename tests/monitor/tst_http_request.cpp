// parseHttpRequestHead: complete, partial (at every split point) and malformed heads, the size
// cap, and early recognition of garbage.

#include "monitor/http_request.h"

#include <QTest>

#include <string>

using namespace hoga::monitor;

namespace {

constexpr std::size_t kCap = 8192;

const std::string kCurl = "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1:9100\r\n"
                          "User-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n";

HttpParseStatus statusOf(const std::string& text, std::size_t cap = kCap) {
    return parseHttpRequestHead(text, cap).status;
}

} // namespace

class TestHttpRequest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void completeRequest() {
        const HttpParseResult r = parseHttpRequestHead(kCurl, kCap);
        QCOMPARE(r.status, HttpParseStatus::Complete);
        QCOMPARE(r.head.method, std::string("GET"));
        QCOMPARE(r.head.target, std::string("/metrics"));
        QCOMPARE(r.head.path, std::string("/metrics"));
        QCOMPARE(r.head.minorVersion, 1);
    }

    void everySplitPointIsIncompleteUntilTheEnd() {
        for (std::size_t n = 0; n < kCurl.size(); ++n) {
            QVERIFY2(statusOf(kCurl.substr(0, n)) == HttpParseStatus::Incomplete,
                     qPrintable(QString::number(n)));
        }
        QCOMPARE(statusOf(kCurl), HttpParseStatus::Complete);
    }

    void variantsThatAreValid() {
        // Bare LF line ends, leading empty lines, HTTP/1.0 without Host, a query, absolute form.
        QCOMPARE(statusOf("GET /metrics HTTP/1.1\nHost: x\n\n"), HttpParseStatus::Complete);
        QCOMPARE(statusOf("\r\n\r\nGET /metrics HTTP/1.1\r\nHost: x\r\n\r\n"),
                 HttpParseStatus::Complete);
        QCOMPARE(statusOf("GET /metrics HTTP/1.0\r\n\r\n"), HttpParseStatus::Complete);
        const auto q =
            parseHttpRequestHead("GET /metrics?name[]=a#frag HTTP/1.1\r\nHost: x\r\n\r\n", kCap);
        QCOMPARE(q.head.path, std::string("/metrics"));
        const auto abs = parseHttpRequestHead("GET http://127.0.0.1:1/metrics HTTP/1.1\r\nHost: "
                                              "127.0.0.1:1\r\n\r\n",
                                              kCap);
        QCOMPARE(abs.status, HttpParseStatus::Complete);
        QCOMPARE(abs.head.path, std::string("/metrics"));
        const auto bare = parseHttpRequestHead("GET http://h HTTP/1.1\r\nHost: h\r\n\r\n", kCap);
        QCOMPARE(bare.head.path, std::string("/"));
        const auto post = parseHttpRequestHead("POST /metrics HTTP/1.1\r\nHost: x\r\n"
                                               "Content-Length: 3\r\n\r\nabc",
                                               kCap);
        QCOMPARE(post.status, HttpParseStatus::Complete);
        QCOMPARE(post.head.method, std::string("POST"));
        // Header values may carry obs-text (UTF-8) and tabs.
        QCOMPARE(statusOf("GET / HTTP/1.1\r\nHost: x\r\nX-Name:\t\xec\x9d\xb4\r\n\r\n"),
                 HttpParseStatus::Complete);
    }

    void malformed_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("status");
        QTest::newRow("tls hello") << QByteArray("\x16\x03\x01\x02\x00\x01", 6) << 400;
        QTest::newRow("binary after method") << QByteArray("GET \x01\x02") << 400;
        QTest::newRow("no spaces, long") << QByteArray(40, 'A') << 400;
        QTest::newRow("two fields") << QByteArray("GET /metrics\r\n\r\n") << 400;
        QTest::newRow("four fields") << QByteArray("GET /a b HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("double space") << QByteArray("GET  /metrics HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("relative target") << QByteArray("GET metrics HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("bad version") << QByteArray("GET / HTTP/1\r\n\r\n") << 400;
        QTest::newRow("lowercase version") << QByteArray("GET / http/1.1\r\n\r\n") << 400;
        QTest::newRow("http2") << QByteArray("GET / HTTP/2.0\r\nHost: x\r\n\r\n") << 505;
        QTest::newRow("no host") << QByteArray("GET /metrics HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("two hosts")
            << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nhost: b\r\n\r\n") << 400;
        QTest::newRow("no colon") << QByteArray("GET / HTTP/1.1\r\nHost x\r\n\r\n") << 400;
        QTest::newRow("space before colon")
            << QByteArray("GET / HTTP/1.1\r\nHost : x\r\n\r\n") << 400;
        QTest::newRow("folded") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n y\r\n\r\n") << 400;
        QTest::newRow("control in value")
            << QByteArray("GET / HTTP/1.1\r\nHost: x\x01\r\n\r\n") << 400;
        QTest::newRow("bare CR") << QByteArray("GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n") << 400;
    }
    void malformed() {
        QFETCH(QByteArray, text);
        QFETCH(int, status);
        const HttpParseResult r = parseHttpRequestHead(
            std::string_view(text.constData(), std::size_t(text.size())), kCap);
        QCOMPARE(r.status, HttpParseStatus::Malformed);
        QCOMPARE(r.errorStatus, status);
        QVERIFY(!r.error.empty());
    }

    void sizeCap() {
        // Exactly at the cap is fine; one byte more is not, complete or not.
        std::string head = "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Pad: ";
        const std::size_t fixed = head.size() + 4; // "\r\n\r\n"
        head += std::string(100 - fixed, 'p') + "\r\n\r\n";
        QCOMPARE(head.size(), std::size_t{100});
        QCOMPARE(statusOf(head, 100), HttpParseStatus::Complete);
        QCOMPARE(statusOf(head, 99), HttpParseStatus::TooLarge);
        const std::string endless =
            "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Pad: " + std::string(200, 'p');
        QCOMPARE(statusOf(endless, 100), HttpParseStatus::TooLarge);
        QCOMPARE(parseHttpRequestHead(endless, 100).errorStatus, 431);
        QCOMPARE(statusOf(endless, 1000), HttpParseStatus::Incomplete);
    }
};

QTEST_APPLESS_MAIN(TestHttpRequest)
#include "tst_http_request.moc"
