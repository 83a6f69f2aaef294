// SIGNED-request verification against the documented vectors of API_FACTS.md §4.
// Qt headers first: moc (Qt 6.4) fails on <compare> when it comes before them.
#include <QTest>

#include "sim/request_signing.h"

using namespace hoga::sim;

namespace {
// General Info › "SIGNED Endpoint Examples for POST /fapi/v1/order - HMAC Keys".
const std::string kSecret = "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9";
const QByteArray kPayload = "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&"
                            "timeInForce=GTC&recvWindow=5000&timestamp=1591702613943";
const QByteArray kSignature = "3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9";
constexpr std::int64_t kTimestamp = 1591702613943;

std::optional<ApiError> verify(const QByteArray& query, const QByteArray& body,
                               std::int64_t serverTimeMs) {
    return verifySignedRequest(query, body, RequestParams::parse(query, body), kSecret,
                               serverTimeMs);
}
} // namespace

class TestRequestSigning : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void documentedVector() {
        QCOMPARE(hmacSha256Hex(kSecret, kPayload.toStdString()), kSignature.toStdString());
    }
    void example1QueryString() {
        QVERIFY(!verify(kPayload + "&signature=" + kSignature, {}, kTimestamp + 10));
        // The signature is not case-sensitive.
        QVERIFY(!verify(kPayload + "&signature=" + kSignature.toUpper(), {}, kTimestamp + 10));
    }
    void example2Body() { QVERIFY(!verify({}, kPayload + "&signature=" + kSignature, kTimestamp)); }
    void example3MixedHasNoAmpersandBetweenParts() {
        const QByteArray query = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC";
        const QByteArray body = "quantity=1&price=9000&recvWindow=5000&timestamp=1591702613943";
        // Computed without the stray space of the docs' echo command (API_FACTS.md §4).
        const QByteArray signature =
            "30baaf0fab549bbeda7f5ef201898b34122da25fd23c646cac2c529aebe670a4";
        QVERIFY(!verify(query, body + "&signature=" + signature, kTimestamp));
        // Signed as if joined with '&': refused.
        const QByteArray joined =
            QByteArray::fromStdString(hmacSha256Hex(kSecret, (query + "&" + body).toStdString()));
        const auto error = verify(query, body + "&signature=" + joined, kTimestamp);
        QVERIFY(error);
        QCOMPARE(error->code, -1022);
    }
    void badSignatureAndNotLast() {
        auto error = verify(kPayload + "&signature=" + QByteArray(64, 'a'), {}, kTimestamp);
        QVERIFY(error);
        QCOMPARE(error->code, -1022);
        QCOMPARE(error->message, std::string("Signature for this request is not valid."));
        // `signature` must be the last parameter.
        error = verify("signature=" + kSignature + "&" + kPayload, {}, kTimestamp);
        QVERIFY(error);
        QCOMPARE(error->code, -1022);
    }
    void timestampWindow() {
        const QByteArray q = kPayload + "&signature=" + kSignature;
        // timestamp < serverTime + 1000: 999 ms ahead passes, 1000 ms ahead does not.
        QVERIFY(!verify(q, {}, kTimestamp - 999));
        auto error = verify(q, {}, kTimestamp - 1000);
        QVERIFY(error);
        QCOMPARE(error->code, -1021);
        QCOMPARE(error->message,
                 std::string("Timestamp for this request was 1000ms ahead of the server's time."));
        // serverTime - timestamp <= recvWindow (5000 here).
        QVERIFY(!verify(q, {}, kTimestamp + 5000));
        error = verify(q, {}, kTimestamp + 5001);
        QVERIFY(error);
        QCOMPARE(error->code, -1021);
        QCOMPARE(error->message,
                 std::string("Timestamp for this request is outside of the recvWindow."));
        QCOMPARE(error->httpStatus, 400);
    }
    void missingTimestampAndLargeRecvWindow() {
        auto error = verify("symbol=BTCUSDT&signature=00", {}, kTimestamp);
        QVERIFY(error);
        QCOMPARE(error->code, -1102);
        QCOMPARE(error->message, std::string("Mandatory parameter 'timestamp' was not sent, was "
                                             "empty/null, or malformed."));
        error = verify("timestamp=1591702613943&recvWindow=60001&signature=00", {}, kTimestamp);
        QVERIFY(error);
        QCOMPARE(error->code, -1131);
    }
    void queryWinsOverBody() {
        const RequestParams p =
            RequestParams::parse("symbol=BTCUSDT&price=1", "price=2&quantity=0.5&note=a+b%2Bc");
        QCOMPARE(*p.get("price"), std::string("1"));
        QCOMPARE(*p.get("quantity"), std::string("0.5"));
        QCOMPARE(*p.get("note"), std::string("a b+c"));
        QVERIFY(!p.has("side"));
    }
};

QTEST_GUILESS_MAIN(TestRequestSigning)
#include "tst_request_signing.moc"
