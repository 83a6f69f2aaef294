// MetricsHttpServer over real sockets: a QTcpSocket client on 127.0.0.1, server on port 0.
// Every answer is read to the server's close, then parsed here independently.

#include "monitor/metrics_http_server.h"
#include "platform/prometheus_text.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <memory>
#include <stdexcept>

using namespace hoga::monitor;

namespace {

struct Response {
    bool closedByServer = false;
    QByteArray raw;
    int status = 0;
    QMap<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
};

Response parse(QByteArray raw, bool closed) {
    Response r;
    r.raw = raw;
    r.closedByServer = closed;
    const qsizetype end = raw.indexOf("\r\n\r\n");
    if (end < 0) {
        return r;
    }
    const QList<QByteArray> lines = raw.left(end).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    if (statusLine.value(0) == "HTTP/1.1") {
        r.status = statusLine.value(1).toInt();
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        r.headers.insert(lines[i].left(colon).trimmed().toLower(),
                         lines[i].mid(colon + 1).trimmed());
    }
    r.body = raw.mid(end + 4);
    return r;
}

// Sends the pieces with a pause between them (each its own TCP segment on loopback), then reads
// until the server closes. The event loop runs all along, so the server in this thread works.
Response exchange(quint16 port, const QList<QByteArray>& pieces, int pauseMs = 0,
                  int timeoutMs = 5000) {
    QTcpSocket socket;
    socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    QSignalSpy connected(&socket, &QTcpSocket::connected);
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    if (!connected.wait(timeoutMs)) {
        return {};
    }
    QByteArray raw;
    for (const QByteArray& piece : pieces) {
        socket.write(piece);
        socket.flush();
        if (pauseMs > 0) {
            QTest::qWait(pauseMs);
        }
        raw += socket.readAll();
    }
    QElapsedTimer clock;
    clock.start();
    while (socket.state() == QAbstractSocket::ConnectedState && clock.elapsed() < timeoutMs) {
        QTest::qWait(2);
        raw += socket.readAll();
    }
    raw += socket.readAll();
    return parse(raw, socket.state() != QAbstractSocket::ConnectedState);
}

const QByteArray kGet = "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n";

} // namespace

class TestMetricsHttpServer : public QObject {
    Q_OBJECT

private:
    int m_calls = 0;
    QThread* m_providerThread = nullptr;
    std::unique_ptr<MetricsHttpServer> m_server;

    std::string page() {
        ++m_calls;
        m_providerThread = QThread::currentThread();
        hoga::platform::PrometheusText text;
        text.counter("hoga_test_scrapes_total", "Scrapes so far.", m_calls);
        return text.take();
    }

    quint16 port() const { return m_server->serverPort(); }

private Q_SLOTS:
    void init() {
        m_calls = 0;
        MetricsHttpServerOptions options;
        options.maxRequestBytes = 1024;
        options.requestTimeoutMs = 400;
        m_server = std::make_unique<MetricsHttpServer>([this] { return page(); }, options);
        QVERIFY2(m_server->listen(0), qPrintable(m_server->errorString()));
        QVERIFY(m_server->isListening());
        QVERIFY(port() != 0);
    }
    void cleanup() { m_server.reset(); }

    void servesMetrics() {
        const Response r = exchange(port(), {kGet});
        QCOMPARE(r.status, 200);
        QVERIFY(r.closedByServer);
        QCOMPARE(r.headers.value("content-type"),
                 QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        QCOMPARE(r.headers.value("connection"), QByteArray("close"));
        QVERIFY(r.headers.value("date").endsWith(" GMT"));
        const QByteArray want = "# HELP hoga_test_scrapes_total Scrapes so far.\n"
                                "# TYPE hoga_test_scrapes_total counter\n"
                                "hoga_test_scrapes_total 1\n";
        QCOMPARE(r.body, want);
        QCOMPARE(r.headers.value("content-length").toLongLong(), qint64(want.size()));
        QCOMPARE(m_calls, 1);
        QCOMPARE(m_providerThread, m_server->thread());
        QCOMPARE(m_server->stats().served, std::uint64_t{1});
        QCOMPARE(m_server->stats().errors, std::uint64_t{0});
        QTRY_COMPARE(m_server->openConnections(), std::size_t{0});
        // The next scrape calls the provider again.
        QVERIFY(exchange(port(), {kGet}).body.endsWith("hoga_test_scrapes_total 2\n"));
    }

    void headHasNoBody() {
        const Response r = exchange(port(), {"HEAD /metrics HTTP/1.1\r\nHost: x\r\n\r\n"});
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.isEmpty());
        QVERIFY(r.headers.value("content-length").toInt() > 0);
    }

    void requestSplitAcrossSegments() {
        // One byte per segment, with pauses, so the server parses many partial heads.
        QList<QByteArray> bytes;
        for (const char c : kGet) {
            bytes.append(QByteArray(1, c));
        }
        const Response r = exchange(port(), bytes, 3);
        QCOMPARE(r.status, 200);
        QCOMPARE(m_calls, 1);
        // And in three uneven pieces, splitting the CRLF pairs.
        const Response r2 = exchange(port(), {kGet.left(5), kGet.mid(5, 30), kGet.mid(35)}, 20);
        QCOMPARE(r2.status, 200);
    }

    void errors() {
        const Response notFound = exchange(port(), {"GET /other HTTP/1.1\r\nHost: x\r\n\r\n"});
        QCOMPARE(notFound.status, 404);
        QVERIFY(notFound.closedByServer);
        QCOMPARE(notFound.headers.value("connection"), QByteArray("close"));
        QVERIFY(notFound.body.startsWith("404 Not Found"));

        const Response post =
            exchange(port(), {"POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nab"});
        QCOMPARE(post.status, 405);
        QCOMPARE(post.headers.value("allow"), QByteArray("GET, HEAD"));

        const Response garbage = exchange(port(), {QByteArray("\x16\x03\x01\x00\xa5\x01", 6)});
        QCOMPARE(garbage.status, 400);
        const Response noHost = exchange(port(), {"GET /metrics HTTP/1.1\r\n\r\n"});
        QCOMPARE(noHost.status, 400);
        const Response http2 = exchange(port(), {"GET /metrics HTTP/2.0\r\nHost: x\r\n\r\n"});
        QCOMPARE(http2.status, 505);

        // A head over the cap (1024 here), sent in one go and still arriving: 431, and the
        // answer survives the close because the server drains before closing.
        const QByteArray big =
            "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Pad: " + QByteArray(64 * 1024, 'p') + "\r\n\r\n";
        const Response tooLarge = exchange(port(), {big});
        QCOMPARE(tooLarge.status, 431);

        QCOMPARE(m_calls, 0); // the provider runs for /metrics GET and HEAD only
        const MetricsHttpServerStats& s = m_server->stats();
        QCOMPARE(s.requests, std::uint64_t{6});
        QCOMPARE(s.errors, std::uint64_t{6});
        QCOMPARE(s.notFound, std::uint64_t{1});
        QCOMPARE(s.methodNotAllowed, std::uint64_t{1});
        QCOMPARE(s.badRequests, std::uint64_t{3});
        QCOMPARE(s.tooLarge, std::uint64_t{1});
        QCOMPARE(s.served, std::uint64_t{0});
        // The server is still serving.
        QCOMPARE(exchange(port(), {kGet}).status, 200);
    }

    void incompleteRequestTimesOut() {
        QElapsedTimer clock;
        clock.start();
        const Response r = exchange(port(), {"GET /metrics HTTP/1.1\r\nHost"});
        QCOMPARE(r.status, 408);
        QVERIFY(clock.elapsed() >= 350);
        QCOMPARE(m_server->stats().timeouts, std::uint64_t{1});
    }

    void providerFailureIs500() {
        MetricsHttpServer failing([]() -> std::string { throw std::runtime_error("no engine"); });
        QVERIFY(failing.listen(0));
        const Response r = exchange(failing.serverPort(), {kGet});
        QCOMPARE(r.status, 500);
        QVERIFY(r.body.contains("no engine"));
        QCOMPARE(failing.stats().providerFailures, std::uint64_t{1});
    }

    void connectionLimit() {
        MetricsHttpServerOptions options;
        options.maxConnections = 1;
        MetricsHttpServer limited([] { return std::string("x 1\n"); }, options);
        QVERIFY(limited.listen(0));
        QTcpSocket idle;
        idle.connectToHost(QHostAddress(QHostAddress::LocalHost), limited.serverPort());
        QVERIFY(idle.waitForConnected(2000));
        QTRY_COMPARE(limited.openConnections(), std::size_t{1});
        const Response refused = exchange(limited.serverPort(), {kGet});
        QCOMPARE(refused.status, 0); // closed unanswered
        QVERIFY(refused.closedByServer);
        QCOMPARE(limited.stats().refused, std::uint64_t{1});
        idle.write(kGet);
        QTRY_VERIFY(idle.state() != QAbstractSocket::ConnectedState);
        QVERIFY(idle.readAll().startsWith("HTTP/1.1 200 OK\r\n"));
        QTRY_COMPARE(limited.openConnections(), std::size_t{0});
        QCOMPARE(exchange(limited.serverPort(), {kGet}).status, 200);
    }

    void onlyLoopback() {
        MetricsHttpServer other([] { return std::string(); });
        for (const QHostAddress& address :
             {QHostAddress(QHostAddress::Any), QHostAddress(QHostAddress::AnyIPv4),
              QHostAddress(QHostAddress::LocalHostIPv6),
              QHostAddress(QStringLiteral("10.0.0.1"))}) {
            QVERIFY(!other.listen(address, 0));
            QVERIFY2(other.errorString().contains(QStringLiteral("only 127.0.0.1")),
                     qPrintable(other.errorString()));
            QVERIFY(other.errorString().contains(address.toString()));
            QVERIFY(!other.isListening());
        }
        QVERIFY(other.listen(QHostAddress(QStringLiteral("127.0.0.1")), 0));
        // A second server on the same port fails with a clear error.
        MetricsHttpServer clash([] { return std::string(); });
        QVERIFY(!clash.listen(other.serverPort()));
        QVERIFY(clash.errorString().contains(QString::number(other.serverPort())));
    }

    void closeDropsConnections() {
        QTcpSocket idle;
        idle.connectToHost(QHostAddress(QHostAddress::LocalHost), port());
        QVERIFY(idle.waitForConnected(2000));
        QTRY_COMPARE(m_server->openConnections(), std::size_t{1});
        m_server->close();
        QVERIFY(!m_server->isListening());
        QCOMPARE(m_server->openConnections(), std::size_t{0});
        QTRY_VERIFY(idle.state() != QAbstractSocket::ConnectedState);
    }
};

QTEST_GUILESS_MAIN(TestMetricsHttpServer)
#include "tst_metrics_http_server.moc"
