<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>JournalDatabase</name>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="49"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="59"/>
        <source>The journal %1 does not exist</source>
        <translation>저널이 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="62"/>
        <source>The journal %1 is not a readable file</source>
        <translation>저널을 읽을 수 있는 파일이 아닙니다: %1</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="68"/>
        <source>Qt&apos;s SQLite driver is not installed (package libqt6sql6-sqlite)</source>
        <translation>Qt SQLite 드라이버가 설치되어 있지 않습니다(패키지 libqt6sql6-sqlite)</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="76"/>
        <source>Cannot open the journal %1</source>
        <translation>저널을 열 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="97"/>
        <source>%1 is not a readable journal (corrupt, or not a SQLite file)</source>
        <translation>%1: 읽을 수 있는 저널이 아닙니다(손상되었거나 SQLite 파일이 아님)</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="102"/>
        <source>Cannot read the schema version of %1</source>
        <translation>%1의 스키마 버전을 읽을 수 없습니다</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="107"/>
        <source>%1 is not a Hoga journal</source>
        <translation>%1: Hoga 저널이 아닙니다</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="115"/>
        <location filename="../src/gui/models/journal_database.cpp" line="127"/>
        <source>Cannot read the tables of %1</source>
        <translation>%1의 테이블을 읽을 수 없습니다</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="123"/>
        <source>%1 has no round-trip table: not a Hoga journal</source>
        <translation>%1에 왕복 거래 테이블이 없습니다: Hoga 저널이 아닙니다</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="154"/>
        <location filename="../src/gui/models/journal_database.cpp" line="239"/>
        <location filename="../src/gui/models/journal_database.cpp" line="259"/>
        <location filename="../src/gui/models/journal_database.cpp" line="281"/>
        <location filename="../src/gui/models/journal_database.cpp" line="314"/>
        <location filename="../src/gui/models/journal_database.cpp" line="329"/>
        <location filename="../src/gui/models/journal_database.cpp" line="344"/>
        <source>No journal is open</source>
        <translation>열린 저널이 없습니다</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="171"/>
        <source>Cannot read the runs of %1</source>
        <translation>%1의 실행 기록을 읽을 수 없습니다</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="246"/>
        <location filename="../src/gui/models/journal_database.cpp" line="252"/>
        <location filename="../src/gui/models/journal_database.cpp" line="268"/>
        <location filename="../src/gui/models/journal_database.cpp" line="334"/>
        <source>Cannot read the round trips of %1</source>
        <translation>%1의 왕복 거래를 읽을 수 없습니다</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="271"/>
        <source>%1 has no trade %2 of run %3</source>
        <translation>%1에 실행 %3의 거래 %2가 없습니다</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="295"/>
        <source>Cannot read the fills of %1</source>
        <translation>%1의 체결을 읽을 수 없습니다</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="320"/>
        <source>Cannot read the parameters of run %1 in %2</source>
        <translation>%2에서 실행 %1의 파라미터를 읽을 수 없습니다</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="357"/>
        <source>Cannot read the equity of %1</source>
        <translation>%1의 자산 기록을 읽을 수 없습니다</translation>
    </message>
</context>
<context>
    <name>hoga::gui::ApiKeyDialog</name>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="174"/>
        <source>Binance mainnet</source>
        <translation>바이낸스 메인넷</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="176"/>
        <source>Binance testnet</source>
        <translation>바이낸스 테스트넷</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="178"/>
        <source>Local simulator</source>
        <translation>로컬 시뮬레이터</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="184"/>
        <source>Binance API key</source>
        <translation>바이낸스 API 키</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="185"/>
        <source>&amp;Endpoint:</source>
        <translation>엔드포인트(&amp;E):</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="191"/>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="321"/>
        <source>No REST URL is configured for this endpoint.</source>
        <translation>이 엔드포인트에는 REST URL이 설정되어 있지 않습니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="192"/>
        <source>REST: %1</source>
        <translation>REST: %1</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="193"/>
        <source>API &amp;key:</source>
        <translation>API 키(&amp;K):</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="194"/>
        <source>&amp;Secret key:</source>
        <translation>비밀 키(&amp;S):</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="195"/>
        <source>64 letters and digits</source>
        <translation>영문자와 숫자 64자</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="196"/>
        <source>shown once by Binance when the key is created</source>
        <translation>키를 만들 때 바이낸스가 한 번만 보여 줍니다</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="197"/>
        <source>Sa&amp;ve</source>
        <translation>저장(&amp;V)</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="198"/>
        <source>&amp;Test</source>
        <translation>테스트(&amp;T)</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="199"/>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="200"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="201"/>
        <source>Store the key and the secret in the system keychain</source>
        <translation>API 키와 비밀 키를 시스템 키체인에 저장합니다</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="202"/>
        <source>Sign an account request with this key and show the answer</source>
        <translation>이 키로 서명한 계정 요청을 보내고 응답을 보여 줍니다</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="203"/>
        <source>Remove this endpoint&apos;s key from the system keychain</source>
        <translation>이 엔드포인트의 키를 시스템 키체인에서 삭제합니다</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="224"/>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="258"/>
        <source>No key is stored for %1.</source>
        <translation>%1에 저장된 키가 없습니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="226"/>
        <source>No keychain available — %1. Hoga keeps API keys only in the system keychain: start a Secret Service (GNOME Keyring or KWallet) and try again.</source>
        <translation>사용할 수 있는 키체인이 없습니다 — %1. Hoga는 API 키를 시스템 키체인에만 보관합니다. Secret Service(GNOME Keyring 또는 KWallet)를 실행한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="230"/>
        <source>The keychain is locked or refused access — %1.</source>
        <translation>키체인이 잠겨 있거나 접근이 거부되었습니다 — %1.</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="232"/>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="327"/>
        <source>Enter both the API key and the secret key.</source>
        <translation>API 키와 비밀 키를 모두 입력하세요.</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="234"/>
        <source>The keychain reported an error (%1) — %2.</source>
        <translation>키체인에서 오류가 발생했습니다(%1) — %2.</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="255"/>
        <source>A key for %1 is stored in the keychain.</source>
        <translation>%1의 키가 키체인에 저장되어 있습니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="260"/>
        <source>keys cannot be stored</source>
        <translation>키를 저장할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="278"/>
        <source>Saved in the system keychain for %1.</source>
        <translation>%1의 키를 시스템 키체인에 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="281"/>
        <source>nothing stored</source>
        <translation>아무것도 저장하지 않았습니다</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="290"/>
        <source>The key works: wallet balance %1 USDT, available %2 USDT.</source>
        <translation>키가 작동합니다: 지갑 잔고 %1 USDT, 사용 가능 %2 USDT.</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="293"/>
        <source>Trading is not enabled for this key.</source>
        <translation>이 키에는 거래 권한이 없습니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="298"/>
        <source>Could not reach %1: %2</source>
        <translation>%1에 연결할 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="302"/>
        <source>The API key is not in a valid format (Binance error -2014).</source>
        <translation>API 키 형식이 올바르지 않습니다(바이낸스 오류 -2014).</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="304"/>
        <source>Binance refused the key: unknown API key, an IP address it does not allow, or a missing permission (error -2015).</source>
        <translation>바이낸스가 키를 거부했습니다: 알 수 없는 API 키이거나, 허용되지 않은 IP 주소이거나, 권한이 없습니다(오류 -2015).</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="307"/>
        <source>The secret key does not belong to this API key: the signature is invalid (Binance error -1022).</source>
        <translation>비밀 키가 이 API 키와 맞지 않습니다: 서명이 올바르지 않습니다(바이낸스 오류 -1022).</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="310"/>
        <source>This computer&apos;s clock is too far from the exchange&apos;s (Binance error -1021). Synchronise the clock and test again.</source>
        <translation>이 컴퓨터의 시계가 거래소 시계와 너무 많이 다릅니다(바이낸스 오류 -1021). 시계를 맞춘 뒤 다시 테스트하세요.</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="315"/>
        <source>Binance answered with error %1: %2</source>
        <translation>바이낸스 오류 %1: %2</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="333"/>
        <source>Testing the key against %1…</source>
        <translation>%1에서 키를 테스트하는 중…</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="360"/>
        <source>Deleted the key for %1 from the keychain.</source>
        <translation>%1의 키를 키체인에서 삭제했습니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="363"/>
        <source>Nothing was stored for %1.</source>
        <translation>%1에 저장된 것이 없습니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="365"/>
        <source>nothing deleted</source>
        <translation>아무것도 삭제하지 않았습니다</translation>
    </message>
</context>
<context>
    <name>hoga::gui::BookHealth</name>
    <message>
        <location filename="../src/gui/views/book_health.cpp" line="20"/>
        <source>Waiting for snapshot</source>
        <translation>스냅샷 대기 중</translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_health.cpp" line="22"/>
        <source>Bridging</source>
        <translation>브리징 중</translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_health.cpp" line="24"/>
        <source>In sync</source>
        <translation>동기화됨</translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_health.cpp" line="28"/>
        <source>Resyncing</source>
        <translation>재동기화 중</translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_health.cpp" line="34"/>
        <source>Connected</source>
        <translation>연결됨</translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_health.cpp" line="36"/>
        <source>Connecting</source>
        <translation>연결 중</translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_health.cpp" line="38"/>
        <source>Stale</source>
        <translation>지연됨</translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_health.cpp" line="40"/>
        <source>Disconnected</source>
        <translation>연결 끊김</translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_health.cpp" line="44"/>
        <source>Stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_health.cpp" line="65"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_health.cpp" line="67"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_health.cpp" line="68"/>
        <source>%1: %2 — %3</source>
        <translation>%1: %2 — %3</translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_health.cpp" line="70"/>
        <source>Book</source>
        <translation>호가창</translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_health.cpp" line="71"/>
        <source>Feed</source>
        <translation>피드</translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_health.cpp" line="73"/>
        <source>New entries are blocked until the book is verified.</source>
        <translation>호가창이 검증될 때까지 신규 진입이 차단됩니다.</translation>
    </message>
</context>
<context>
    <name>hoga::gui::BookLadder</name>
    <message>
        <location filename="../src/gui/views/book_ladder.cpp" line="62"/>
        <source>No book</source>
        <translation>호가 없음</translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_ladder.cpp" line="69"/>
        <source>Spread %1 · Mid %2</source>
        <translation>스프레드 %1 · 중간가 %2</translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_ladder.cpp" line="104"/>
        <source>Price (USDT)</source>
        <translation>가격 (USDT)</translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_ladder.cpp" line="106"/>
        <source>Size (BTC)</source>
        <translation>수량 (BTC)</translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_ladder.cpp" line="108"/>
        <source>Total (BTC)</source>
        <translation>누적 (BTC)</translation>
    </message>
</context>
<context>
    <name>hoga::gui::EquityChart</name>
    <message>
        <location filename="../src/gui/charts/equity_chart.cpp" line="28"/>
        <source>Realized (these trades)</source>
        <translation>실현 자산 (표시된 거래)</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/equity_chart.cpp" line="29"/>
        <source>Equity (journal samples)</source>
        <translation>자산 (저널 샘플)</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/equity_chart.cpp" line="33"/>
        <source>Time (local)</source>
        <translation>시간 (현지)</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/equity_chart.cpp" line="34"/>
        <source>USDT</source>
        <translation>USDT</translation>
    </message>
</context>
<context>
    <name>hoga::gui::JournalModel</name>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="167"/>
        <source>Long</source>
        <translation>롱</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="170"/>
        <source>Short</source>
        <translation>숏</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="173"/>
        <source>Flat</source>
        <translation>무포지션</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="184"/>
        <source>Volume fade</source>
        <translation>거래량 감소</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="185"/>
        <source>Imbalance reversal</source>
        <translation>임밸런스 반전</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="186"/>
        <source>Stop loss</source>
        <translation>손절</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="187"/>
        <source>Take profit</source>
        <translation>익절</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="188"/>
        <source>Max hold</source>
        <translation>최대 보유 시간</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="189"/>
        <source>Liquidation</source>
        <translation>강제 청산</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="190"/>
        <source>End of data</source>
        <translation>데이터 종료</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="191"/>
        <source>Kill switch</source>
        <translation>킬 스위치</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="341"/>
        <location filename="../src/gui/models/journal_model.cpp" line="344"/>
        <source>Local time: %1</source>
        <translation>현지 시간: %1</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="347"/>
        <source>Mode: %1</source>
        <translation>모드: %1</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="363"/>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="364"/>
        <source>Trip</source>
        <translation>거래</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="365"/>
        <source>Side</source>
        <translation>방향</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="366"/>
        <source>Entry (UTC)</source>
        <translation>진입 (UTC)</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="367"/>
        <source>Exit (UTC)</source>
        <translation>청산 (UTC)</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="368"/>
        <source>Size</source>
        <translation>수량</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="369"/>
        <source>Entry price</source>
        <translation>진입 가격</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="370"/>
        <source>Exit price</source>
        <translation>청산 가격</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="371"/>
        <source>Gross PnL</source>
        <translation>총손익</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="372"/>
        <source>Fees</source>
        <translation>수수료</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="373"/>
        <source>Funding</source>
        <translation>펀딩비</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="374"/>
        <source>Net PnL</source>
        <translation>순손익</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="375"/>
        <source>Exit reason</source>
        <translation>청산 사유</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="376"/>
        <source>Volume ratio</source>
        <translation>거래량 배율</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="377"/>
        <source>Imbalance</source>
        <translation>임밸런스</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="378"/>
        <source>Momentum (bps)</source>
        <translation>모멘텀 (bps)</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="379"/>
        <source>Taker buy share</source>
        <translation>테이커 매수 비중</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="380"/>
        <source>Last price</source>
        <translation>최근 체결가</translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="388"/>
        <source>The strategy&apos;s feature at entry</source>
        <translation>진입 시점의 전략 지표</translation>
    </message>
</context>
<context>
    <name>hoga::gui::JournalPanel</name>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="97"/>
        <source>Over the trades shown. Max drawdown: the largest fall from a peak of the realized equity (the run&apos;s starting balance plus the cumulative net PnL of these trades, at each exit); a loss that recovered before an exit is not in it.</source>
        <translation>표시된 거래 기준입니다. 최대 낙폭: 실현 자산(실행 시작 잔고 + 각 청산 시점까지 이 거래들의 누적 순손익)이 고점에서 가장 크게 하락한 폭이며, 청산 전에 회복된 손실은 포함되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="111"/>
        <source>Double-click a trade to replay the market around it</source>
        <translation>거래를 더블클릭하면 그 전후 시장을 리플레이합니다</translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="143"/>
        <location filename="../src/gui/journal_panel.cpp" line="229"/>
        <source>All modes</source>
        <translation>모든 모드</translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="144"/>
        <location filename="../src/gui/journal_panel.cpp" line="230"/>
        <source>All runs</source>
        <translation>모든 실행</translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="145"/>
        <location filename="../src/gui/journal_panel.cpp" line="231"/>
        <source>All exit reasons</source>
        <translation>모든 청산 사유</translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="148"/>
        <source>Long and short</source>
        <translation>롱 및 숏</translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="152"/>
        <source>Exit from</source>
        <translation>청산 시각</translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="155"/>
        <source>to</source>
        <translation>~</translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="158"/>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="159"/>
        <source>UTC, inclusive to the end of the second</source>
        <translation>UTC, 해당 초의 끝까지 포함</translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="161"/>
        <source>Export CSV…</source>
        <translation>CSV 내보내기…</translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="216"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="278"/>
        <source>%1 % (%2 USDT)</source>
        <translation>%1 % (%2 USDT)</translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="279"/>
        <source>%1 USDT</source>
        <translation>%1 USDT</translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="280"/>
        <source>Trades %1 · wins %2 (%3 %) · gross %4 · fees %5 · funding %6 · net %7 USDT · max drawdown %8</source>
        <translation>거래 %1 · 수익 %2 (%3 %) · 총손익 %4 · 수수료 %5 · 펀딩비 %6 · 순손익 %7 USDT · 최대 낙폭 %8</translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="325"/>
        <source>Cannot export to %1: %2</source>
        <translation>내보낼 수 없습니다 (%1): %2</translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="335"/>
        <source>Export trades as CSV</source>
        <translation>거래를 CSV로 내보내기</translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="337"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
</context>
<context>
    <name>hoga::gui::MainWindow</name>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="58"/>
        <source>Trade journal</source>
        <translation>매매 일지</translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="84"/>
        <source>Hoga</source>
        <translation>Hoga</translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="137"/>
        <source>Hoga — BTCUSDT order flow (%1)</source>
        <translation>Hoga — BTCUSDT 주문 흐름 (%1)</translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="141"/>
        <source>REPLAY · DEMO — recorded Binance BTCUSDT data (2024-08-08) through the local exchange simulator. Not a live market; paper fills only.</source>
        <translation>REPLAY · DEMO — 기록된 바이낸스 BTCUSDT 데이터(2024-08-08)를 로컬 거래소 시뮬레이터로 재생합니다. 실제 시장이 아니며 모의 체결만 됩니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="145"/>
        <source>PAPER — live Binance market data, simulated fills. No real orders.</source>
        <translation>PAPER — 실시간 바이낸스 시장 데이터, 모의 체결. 실제 주문은 나가지 않습니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="148"/>
        <source>TESTNET — Binance&apos;s test exchange. No real money.</source>
        <translation>TESTNET — 바이낸스 테스트 거래소. 실제 자금이 아닙니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="151"/>
        <source>LIVE — real orders with real money.</source>
        <translation>LIVE — 실제 자금으로 실제 주문을 냅니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="154"/>
        <source>&amp;Trading</source>
        <translation>매매(&amp;T)</translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="155"/>
        <source>Take new &amp;entries</source>
        <translation>신규 진입 허용(&amp;E)</translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="156"/>
        <source>When off, no new position is opened; exits keep working</source>
        <translation>끄면 새 포지션을 열지 않습니다. 청산은 계속 작동합니다</translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="157"/>
        <source>&amp;Flatten…</source>
        <translation>전량 청산(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="158"/>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="159"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="160"/>
        <source>&amp;Settings</source>
        <translation>설정(&amp;S)</translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="161"/>
        <source>&amp;API keys…</source>
        <translation>API 키(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="162"/>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="164"/>
        <location filename="../src/gui/station/main_window.cpp" line="168"/>
        <source>System language</source>
        <translation>시스템 언어</translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="203"/>
        <source>New entries enabled</source>
        <translation>신규 진입 허용됨</translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="203"/>
        <source>New entries stopped</source>
        <translation>신규 진입 중지됨</translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="209"/>
        <source>Flatten</source>
        <translation>전량 청산</translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="210"/>
        <source>Close the open position at market and halt trading?</source>
        <translation>보유 포지션을 시장가로 청산하고 매매를 중단할까요?</translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="217"/>
        <source>Flatten cancelled</source>
        <translation>전량 청산 취소됨</translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="223"/>
        <source>Flatten sent: trading halted</source>
        <translation>전량 청산 전송됨: 매매 중단</translation>
    </message>
</context>
<context>
    <name>hoga::gui::OrderBookView</name>
    <message>
        <location filename="../src/gui/views/order_book_view.cpp" line="18"/>
        <source>Order book</source>
        <translation>호가창</translation>
    </message>
    <message>
        <location filename="../src/gui/views/order_book_view.cpp" line="30"/>
        <source>(bid − ask) / (bid + ask) size over the strategy&apos;s window; the marks are the entry thresholds</source>
        <translation>전략 구간의 (매수 − 매도) / (매수 + 매도) 잔량. 표시선은 진입 임계값입니다</translation>
    </message>
    <message>
        <location filename="../src/gui/views/order_book_view.cpp" line="40"/>
        <source>top %1 levels</source>
        <translation>상위 %1호가</translation>
    </message>
    <message>
        <location filename="../src/gui/views/order_book_view.cpp" line="41"/>
        <source>±%1 bps of mid</source>
        <translation>중간가 ±%1 bps</translation>
    </message>
    <message>
        <location filename="../src/gui/views/order_book_view.cpp" line="42"/>
        <source>Imbalance %1 (%2), entry at ±%3</source>
        <translation>임밸런스 %1 (%2), 진입 ±%3</translation>
    </message>
</context>
<context>
    <name>hoga::gui::ParamFields</name>
    <message>
        <source>Candle interval</source>
        <translation>캔들 주기</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Volume lookback</source>
        <translation>거래량 비교 구간</translation>
    </message>
    <message>
        <source>candles</source>
        <translation>캔들</translation>
    </message>
    <message>
        <source>Volume burst ratio</source>
        <translation>거래량 급증 배율</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>Pro-rate floor</source>
        <translation>시간 비례 하한</translation>
    </message>
    <message>
        <source>of a candle</source>
        <translation>캔들 대비</translation>
    </message>
    <message>
        <source>Imbalance depth window</source>
        <translation>임밸런스 깊이 기준</translation>
    </message>
    <message>
        <source>Imbalance depth</source>
        <translation>임밸런스 깊이</translation>
    </message>
    <message>
        <source>levels</source>
        <translation>호가</translation>
    </message>
    <message>
        <source>bps</source>
        <translation>bps</translation>
    </message>
    <message>
        <source>Imbalance to enter</source>
        <translation>진입 임밸런스</translation>
    </message>
    <message>
        <source>Momentum window</source>
        <translation>모멘텀 구간</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <source>Taker share filter</source>
        <translation>테이커 비중 필터</translation>
    </message>
    <message>
        <source>Minimum taker share</source>
        <translation>최소 테이커 비중</translation>
    </message>
    <message>
        <source>Imbalance to exit</source>
        <translation>청산 임밸런스</translation>
    </message>
    <message>
        <source>Volume fade ratio</source>
        <translation>거래량 감소 배율</translation>
    </message>
    <message>
        <source>Fade candles</source>
        <translation>감소 캔들 수</translation>
    </message>
    <message>
        <source>Stop loss</source>
        <translation>손절</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Take profit (0 = off)</source>
        <translation>익절 (0 = 끔)</translation>
    </message>
    <message>
        <source>Longest hold (0 = off)</source>
        <translation>최대 보유 시간 (0 = 끔)</translation>
    </message>
    <message>
        <source>Leverage</source>
        <translation>레버리지</translation>
    </message>
    <message>
        <source>Maintenance margin</source>
        <translation>유지 증거금</translation>
    </message>
    <message>
        <source>Orders per minute at most</source>
        <translation>분당 최대 주문 수</translation>
    </message>
    <message>
        <source>/min</source>
        <translation>/min</translation>
    </message>
    <message>
        <source>Largest notional (0 = capital × leverage)</source>
        <translation>최대 명목 금액 (0 = 자본 × 레버리지)</translation>
    </message>
    <message>
        <source>USDT</source>
        <translation>USDT</translation>
    </message>
    <message>
        <source>Daily loss limit (0 = off)</source>
        <translation>일일 손실 한도 (0 = 끔)</translation>
    </message>
    <message>
        <source>Cooldown after a stop</source>
        <translation>손절 후 대기 시간</translation>
    </message>
    <message>
        <source>Starting capital</source>
        <translation>시작 자본</translation>
    </message>
    <message>
        <source>KRW</source>
        <translation>KRW</translation>
    </message>
    <message>
        <source>Position notional</source>
        <translation>포지션 명목 금액</translation>
    </message>
    <message>
        <source>KRW per USDT</source>
        <translation>USDT당 KRW</translation>
    </message>
    <message>
        <source>Taker fee</source>
        <translation>테이커 수수료</translation>
    </message>
    <message>
        <source>Maker fee</source>
        <translation>메이커 수수료</translation>
    </message>
    <message>
        <source>Order latency</source>
        <translation>주문 지연</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>진입</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>청산</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>리스크</translation>
    </message>
    <message>
        <source>Sizing</source>
        <translation>포지션 크기</translation>
    </message>
    <message>
        <source>Execution</source>
        <translation>체결</translation>
    </message>
    <message>
        <source>Top levels</source>
        <translation>상위 호가</translation>
    </message>
    <message>
        <source>Within bps of the mid</source>
        <translation>중간가 기준 bps 이내</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>끔</translation>
    </message>
    <message>
        <source>On</source>
        <translation>켬</translation>
    </message>
    <message>
        <source>%1 to %2%3, step %4</source>
        <translation>%1 ~ %2%3, 간격 %4</translation>
    </message>
    <message>
        <source>A running session needs a restart to change this.</source>
        <translation>실행 중인 세션에서 바꾸려면 재시작해야 합니다.</translation>
    </message>
</context>
<context>
    <name>hoga::gui::PositionPanel</name>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="23"/>
        <source>Side</source>
        <translation>방향</translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="23"/>
        <source>Size</source>
        <translation>수량</translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="23"/>
        <source>Entry (average)</source>
        <translation>진입가 (평균)</translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="24"/>
        <source>Mark</source>
        <translation>마크 가격</translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="24"/>
        <source>Unrealised PnL</source>
        <translation>미실현 손익</translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="24"/>
        <source>Liquidation (est.)</source>
        <translation>청산가 (추정)</translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="25"/>
        <source>Stop loss</source>
        <translation>손절가</translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="25"/>
        <source>Equity</source>
        <translation>자산</translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="25"/>
        <source>Balance</source>
        <translation>잔고</translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="26"/>
        <source>Fees paid</source>
        <translation>지불 수수료</translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="26"/>
        <source>Net PnL</source>
        <translation>순손익</translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="26"/>
        <source>Round trips</source>
        <translation>왕복 거래</translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="30"/>
        <source>USDT</source>
        <translation>USDT</translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="31"/>
        <source>KRW</source>
        <translation>KRW</translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="35"/>
        <location filename="../src/gui/views/position_panel.cpp" line="135"/>
        <location filename="../src/gui/views/position_panel.cpp" line="147"/>
        <location filename="../src/gui/views/position_panel.cpp" line="150"/>
        <location filename="../src/gui/views/position_panel.cpp" line="152"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="49"/>
        <source> KRW/USDT</source>
        <translation> KRW/USDT</translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="50"/>
        <source>The rate used for the KRW column (display only)</source>
        <translation>KRW 열에 쓰는 환율 (표시용)</translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="52"/>
        <source>KRW rate</source>
        <translation>원화 환율</translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="117"/>
        <source>%1 KRW</source>
        <translation>%1 KRW</translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="137"/>
        <source>Flat</source>
        <translation>무포지션</translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="138"/>
        <source>Long</source>
        <translation>롱</translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="139"/>
        <source>Short</source>
        <translation>숏</translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="147"/>
        <source>%1 BTC</source>
        <translation>%1 BTC</translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="162"/>
        <source>0</source>
        <translation>0</translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="163"/>
        <source>%1 · %2 % won</source>
        <translation>%1 · 승률 %2 %</translation>
    </message>
</context>
<context>
    <name>hoga::gui::PriceChart</name>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="41"/>
        <source>1 s</source>
        <translation>1초</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="43"/>
        <source>5 s</source>
        <translation>5초</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="45"/>
        <source>15 s</source>
        <translation>15초</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="47"/>
        <source>1 min</source>
        <translation>1분</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="49"/>
        <source>5 min</source>
        <translation>5분</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="51"/>
        <source>15 min</source>
        <translation>15분</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="53"/>
        <source>1 h</source>
        <translation>1시간</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="59"/>
        <source>entry signal</source>
        <translation>진입 신호</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="62"/>
        <source>volume fade</source>
        <translation>거래량 감소</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="65"/>
        <source>imbalance reversal</source>
        <translation>임밸런스 반전</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="68"/>
        <source>stop loss</source>
        <translation>손절</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="71"/>
        <source>take profit</source>
        <translation>익절</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="74"/>
        <source>maximum hold time</source>
        <translation>최대 보유 시간</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="77"/>
        <source>liquidation</source>
        <translation>강제 청산</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="80"/>
        <source>end of data</source>
        <translation>데이터 종료</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="83"/>
        <source>kill switch</source>
        <translation>킬 스위치</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="124"/>
        <source>Price</source>
        <translation>가격</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="125"/>
        <source>Taker buy volume</source>
        <translation>테이커 매수 거래량</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="126"/>
        <source>Taker sell volume</source>
        <translation>테이커 매도 거래량</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="127"/>
        <source>Entries</source>
        <translation>진입</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="128"/>
        <source>Exits</source>
        <translation>청산</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="129"/>
        <location filename="../src/gui/charts/price_chart.cpp" line="358"/>
        <source>Entry price</source>
        <translation>진입가</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="130"/>
        <location filename="../src/gui/charts/price_chart.cpp" line="365"/>
        <source>Stop loss</source>
        <translation>손절가</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="158"/>
        <source>BTC</source>
        <translation>BTC</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="159"/>
        <source>USDT</source>
        <translation>USDT</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="173"/>
        <source>Candle interval</source>
        <translation>캔들 주기</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="174"/>
        <source>Follow</source>
        <translation>따라가기</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="175"/>
        <source>Keep the newest bar in view (scrolling back turns this off)</source>
        <translation>최신 캔들을 화면에 유지합니다 (뒤로 스크롤하면 꺼집니다)</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="180"/>
        <source>Interval</source>
        <translation>주기</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="359"/>
        <source>Entry %1</source>
        <translation>진입 %1</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="366"/>
        <source>Stop %1</source>
        <translation>손절 %1</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="372"/>
        <source>Buy</source>
        <translation>매수</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="372"/>
        <source>Sell</source>
        <translation>매도</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="373"/>
        <source>Entry</source>
        <translation>진입</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="373"/>
        <source>Exit</source>
        <translation>청산</translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="374"/>
        <source>%1: %2 %3 BTC at %4 USDT
Reason: %5
%6</source>
        <translation>%1: %2 %3 BTC @ %4 USDT
사유: %5
%6</translation>
    </message>
</context>
<context>
    <name>hoga::gui::ReplayText</name>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="38"/>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="54"/>
        <source>%1 (exit %2)</source>
        <translation>%1 (청산 %2)</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="56"/>
        <source>%1 (entry %2)</source>
        <translation>%1 (진입 %2)</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="65"/>
        <source>%1–%2 UTC</source>
        <translation>%1–%2 UTC</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="66"/>
        <source>%1 – %2 UTC</source>
        <translation>%1 – %2 UTC</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="70"/>
        <source>%1 %2 BTC · run %3 · trade %4</source>
        <translation>%1 %2 BTC · 실행 %3 · 거래 %4</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="74"/>
        <source>Entry %1 at %2 · exit %3 at %4 · net PnL %5 USDT (gross %6, fees %7) · %8</source>
        <translation>진입 %1 @ %2 · 청산 %3 @ %4 · 순손익 %5 USDT (총손익 %6, 수수료 %7) · %8</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="83"/>
        <source>(this session records nothing)</source>
        <translation>(이 세션은 기록하지 않습니다)</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="90"/>
        <source>No recording covers %1; recordings are kept in %2</source>
        <translation>%1 구간을 담은 기록이 없습니다. 기록은 %2에 보관됩니다</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="94"/>
        <source>The recordings of %1 hold no depth snapshot from up to %2 hours before the trade, so its order book cannot be rebuilt; recordings are kept in %3</source>
        <translation>%1의 기록에 거래 전 최대 %2시간 이내의 호가 스냅샷이 없어 호가창을 다시 만들 수 없습니다. 기록은 %3에 보관됩니다</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="108"/>
        <source>%1 ends in a damaged part (%2); it was read up to %3.</source>
        <translation>%1의 끝부분이 손상되었습니다(%2). %3까지 읽었습니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="110"/>
        <source>%1 cannot be read (%2).</source>
        <translation>%1을(를) 읽을 수 없습니다(%2).</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="117"/>
        <source>Ignored, their contents are not of the hour in their names: %1</source>
        <translation>파일 이름의 시간대와 내용이 맞지 않아 제외했습니다: %1</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="124"/>
        <source>The book&apos;s first depth snapshot was recorded at %1, less than two minutes before the entry: the replay starts there.</source>
        <translation>호가창의 첫 스냅샷이 진입 2분 전보다 늦은 %1에 기록되어 리플레이는 그 시점부터 시작합니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="129"/>
        <source>The trade lasted longer than %1 hours: the replay shows its first %1 hours.</source>
        <translation>거래가 %1시간보다 길어 리플레이는 처음 %1시간만 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="134"/>
        <source>The recordings end at %1, before the exit.</source>
        <translation>기록이 청산 전인 %1에 끝납니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="135"/>
        <source>The recordings end at %1.</source>
        <translation>기록이 %1에 끝납니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="141"/>
        <source>Max</source>
        <translation>최대</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="141"/>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
</context>
<context>
    <name>hoga::gui::SessionParamsLink</name>
    <message>
        <location filename="../src/gui/params/session_params_link.cpp" line="17"/>
        <source>No session is running.</source>
        <translation>실행 중인 세션이 없습니다.</translation>
    </message>
</context>
<context>
    <name>hoga::gui::SignalPanel</name>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="39"/>
        <source>Volume burst</source>
        <translation>거래량 급증</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="39"/>
        <source>Book imbalance</source>
        <translation>호가 임밸런스</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="39"/>
        <source>Momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="39"/>
        <source>Taker share</source>
        <translation>테이커 비중</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="40"/>
        <source>Volume fade</source>
        <translation>거래량 감소</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="40"/>
        <source>Imbalance reversal</source>
        <translation>임밸런스 반전</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="40"/>
        <source>Stop loss</source>
        <translation>손절</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="42"/>
        <source>The forming candle&apos;s volume (pro-rated) against the mean of the last closed ones</source>
        <translation>형성 중인 캔들의 거래량(시간 비례 환산)과 최근 마감 캔들 평균의 비교</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="43"/>
        <source>Bid against ask size over the strategy&apos;s window; long at +θ, short at −θ</source>
        <translation>전략 구간의 매수 대 매도 잔량. +θ에서 롱, −θ에서 숏</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="44"/>
        <source>Price change over the momentum window, in basis points</source>
        <translation>모멘텀 구간 동안의 가격 변화 (베이시스 포인트)</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="45"/>
        <source>Taker-buy share of the forming candle&apos;s volume (longs) or taker-sell (shorts)</source>
        <translation>형성 중인 캔들 거래량 중 테이커 매수 비중(롱) 또는 테이커 매도 비중(숏)</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="46"/>
        <source>Closed candles below the fade ratio in a row, while in a position</source>
        <translation>포지션 보유 중 감소 배율 아래로 연속 마감한 캔들 수</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="47"/>
        <source>The book turning against the open position</source>
        <translation>보유 포지션과 반대 방향으로 돌아선 호가</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="48"/>
        <source>The open position&apos;s move from its entry, against the stop distance</source>
        <translation>보유 포지션의 진입가 대비 움직임 (손절 거리 대비)</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="50"/>
        <source>Entry conditions</source>
        <translation>진입 조건</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="53"/>
        <source>Exit conditions</source>
        <translation>청산 조건</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="124"/>
        <location filename="../src/gui/views/signal_panel.cpp" line="192"/>
        <location filename="../src/gui/views/signal_panel.cpp" line="224"/>
        <source>long</source>
        <translation>롱</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="124"/>
        <location filename="../src/gui/views/signal_panel.cpp" line="192"/>
        <location filename="../src/gui/views/signal_panel.cpp" line="224"/>
        <source>short</source>
        <translation>숏</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="127"/>
        <source>volume %1× / %2×</source>
        <translation>거래량 %1× / %2×</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="131"/>
        <source>imbalance %1 / ±%2</source>
        <translation>임밸런스 %1 / ±%2</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="135"/>
        <source>momentum %1 bps / ±%2 bps</source>
        <translation>모멘텀 %1 bps / ±%2 bps</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="146"/>
        <source>taker buy %1 % / %2 %</source>
        <translation>테이커 매수 %1 % / %2 %</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="151"/>
        <source>off</source>
        <translation>꺼짐</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="168"/>
        <source>volume %1× / %2× · %3 of %4 candles</source>
        <translation>거래량 %1× / %2× · 캔들 %3/%4개</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="182"/>
        <source>imbalance %1 / %2</source>
        <translation>임밸런스 %1 / %2</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="186"/>
        <source>stop — / %1 %</source>
        <translation>손절 — / %1 %</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="191"/>
        <source>stop %1 % / %2 %</source>
        <translation>손절 %1 % / %2 %</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="197"/>
        <source>In a position: watching the exits (one position at a time).</source>
        <translation>포지션 보유 중: 청산 조건 감시 중 (한 번에 한 포지션).</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="200"/>
        <source>Not entering: trading is halted.</source>
        <translation>진입 안 함: 매매가 중단되었습니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="203"/>
        <source>Not entering: reducing only.</source>
        <translation>진입 안 함: 포지션 축소만 허용됩니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="206"/>
        <source>Not entering: entries stopped by the trader.</source>
        <translation>진입 안 함: 트레이더가 신규 진입을 중지했습니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="211"/>
        <source>Not entering: book unverified (%1).</source>
        <translation>진입 안 함: 호가창 미검증 (%1).</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="214"/>
        <source>Not entering: warming up (%1 closed candles and a %2 s momentum window).</source>
        <translation>진입 안 함: 준비 중 (마감 캔들 %1개와 %2초 모멘텀 구간 필요).</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="219"/>
        <source>Not entering: cooldown after a stop loss, %1 s left.</source>
        <translation>진입 안 함: 손절 후 대기 중, %1초 남음.</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="224"/>
        <source>Entry signal: %1.</source>
        <translation>진입 신호: %1.</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="228"/>
        <source>volume burst</source>
        <translation>거래량 급증</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="231"/>
        <source>imbalance</source>
        <translation>임밸런스</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="234"/>
        <source>momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="237"/>
        <source>taker share</source>
        <translation>테이커 비중</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="240"/>
        <source>Waiting: the conditions point in different directions.</source>
        <translation>대기: 조건들이 서로 다른 방향을 가리킵니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="242"/>
        <source>Waiting for: %1.</source>
        <translation>대기 중인 조건: %1.</translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="242"/>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>hoga::gui::StationStatusBar</name>
    <message>
        <location filename="../src/gui/station/station_status_bar.cpp" line="61"/>
        <source>A replay of recorded Binance data through the local exchange simulator: not a live market, no real money</source>
        <translation>기록된 바이낸스 데이터를 로컬 거래소 시뮬레이터로 재생합니다. 실제 시장이 아니며 실제 자금도 쓰지 않습니다</translation>
    </message>
    <message>
        <location filename="../src/gui/station/station_status_bar.cpp" line="64"/>
        <source>Real orders with real money</source>
        <translation>실제 자금으로 실제 주문</translation>
    </message>
    <message>
        <location filename="../src/gui/station/station_status_bar.cpp" line="65"/>
        <source>Live market data, simulated fills</source>
        <translation>실시간 시장 데이터, 모의 체결</translation>
    </message>
    <message>
        <location filename="../src/gui/station/station_status_bar.cpp" line="67"/>
        <source>starting…</source>
        <translation>시작 중…</translation>
    </message>
    <message>
        <location filename="../src/gui/station/station_status_bar.cpp" line="73"/>
        <source>feed %1 · book %2</source>
        <translation>피드 %1 · 호가 %2</translation>
    </message>
    <message>
        <location filename="../src/gui/station/station_status_bar.cpp" line="88"/>
        <source>%1 msg/s</source>
        <translation>%1 msg/s</translation>
    </message>
    <message>
        <location filename="../src/gui/station/station_status_bar.cpp" line="92"/>
        <source>p99 –</source>
        <translation>p99 –</translation>
    </message>
    <message>
        <location filename="../src/gui/station/station_status_bar.cpp" line="93"/>
        <source>p99 %1 µs</source>
        <translation>p99 %1 µs</translation>
    </message>
    <message>
        <location filename="../src/gui/station/station_status_bar.cpp" line="94"/>
        <source>Frame arrival to the engine&apos;s decision</source>
        <translation>프레임 수신부터 엔진 판단까지의 지연</translation>
    </message>
    <message>
        <location filename="../src/gui/station/station_status_bar.cpp" line="95"/>
        <source>reconnects %1 · gaps %2</source>
        <translation>재연결 %1 · 누락 %2</translation>
    </message>
    <message>
        <location filename="../src/gui/station/station_status_bar.cpp" line="97"/>
        <source>GUI stall %1 ms</source>
        <translation>GUI 멈춤 %1 ms</translation>
    </message>
    <message>
        <location filename="../src/gui/station/station_status_bar.cpp" line="98"/>
        <source>The GUI thread&apos;s longest stall since the start</source>
        <translation>시작 이후 GUI 스레드의 최장 멈춤 시간</translation>
    </message>
</context>
<context>
    <name>hoga::gui::StationViews</name>
    <message>
        <location filename="../src/gui/station/station_views.cpp" line="29"/>
        <source>Order book</source>
        <translation>호가창</translation>
    </message>
    <message>
        <location filename="../src/gui/station/station_views.cpp" line="30"/>
        <source>Signals</source>
        <translation>신호</translation>
    </message>
    <message>
        <location filename="../src/gui/station/station_views.cpp" line="32"/>
        <source>Position and account</source>
        <translation>포지션 및 계좌</translation>
    </message>
    <message>
        <location filename="../src/gui/station/station_views.cpp" line="39"/>
        <source>Thresholds</source>
        <translation>임계값</translation>
    </message>
    <message>
        <location filename="../src/gui/station/station_views.cpp" line="41"/>
        <source>What-if</source>
        <translation>What-if 분석</translation>
    </message>
</context>
<context>
    <name>hoga::gui::ThresholdEditor</name>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="99"/>
        <source>Enabled</source>
        <translation>사용</translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="117"/>
        <location filename="../src/gui/params/threshold_editor.cpp" line="239"/>
        <source>restart</source>
        <translation>재시작</translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="118"/>
        <source>The running session cannot change this; it takes effect when the session is restarted.</source>
        <translation>실행 중인 세션에서는 바꿀 수 없습니다. 세션을 재시작하면 적용됩니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="134"/>
        <source>Load preset…</source>
        <translation>프리셋 불러오기…</translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="135"/>
        <source>Save preset…</source>
        <translation>프리셋 저장…</translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="136"/>
        <source>Reset to defaults</source>
        <translation>기본값으로 초기화</translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="137"/>
        <source>Apply</source>
        <translation>적용</translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="144"/>
        <source>Parameters (*.json)</source>
        <translation>파라미터 (*.json)</translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="146"/>
        <source>Load preset</source>
        <translation>프리셋 불러오기</translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="152"/>
        <source>Save preset</source>
        <translation>프리셋 저장</translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="239"/>
        <source>needs a restart</source>
        <translation>재시작 필요</translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="245"/>
        <source>Applying… (waiting for the engine)</source>
        <translation>적용 중… (엔진 응답 대기)</translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="248"/>
        <source>The engine refused these parameters: %1</source>
        <translation>엔진이 이 파라미터를 거부했습니다: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/params/threshold_editor.cpp" line="251"/>
        <source>%n problem(s): see the marked fields. Apply is disabled until they are fixed.</source>
        <translation>
            <numerusform>문제 %n개: 표시된 항목을 확인하세요. 고칠 때까지 적용할 수 없습니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="256"/>
        <source>Edited, not applied yet.</source>
        <translation>수정됨, 아직 적용되지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="256"/>
        <source>No session parameters yet.</source>
        <translation>아직 세션 파라미터가 없습니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="259"/>
        <source>These parameters are in force.</source>
        <translation>이 파라미터가 적용 중입니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="319"/>
        <source>Applied: the engine trades with these parameters now.</source>
        <translation>적용됨: 엔진이 이제 이 파라미터로 매매합니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="321"/>
        <source>no reason given</source>
        <translation>사유 없음</translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="335"/>
        <source>Not saved: fix the marked fields first.</source>
        <translation>저장 안 됨: 표시된 항목을 먼저 고치세요.</translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="343"/>
        <source>Could not save %1: %2</source>
        <translation>저장할 수 없습니다 (%1): %2</translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="345"/>
        <source>Preset saved to %1.</source>
        <translation>프리셋을 저장했습니다: %1.</translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="354"/>
        <source>Preset not loaded: %1</source>
        <translation>프리셋을 불러오지 못했습니다: %1</translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="362"/>
        <source>Preset loaded from %1; not applied yet.</source>
        <translation>프리셋을 불러왔습니다 (%1). 아직 적용되지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>hoga::gui::TradeReplayWindow</name>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="81"/>
        <source>Cannot read the trade from the journal: %1</source>
        <translation>저널에서 거래를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="160"/>
        <source>Replay of trade %1 (%2) — recorded data</source>
        <translation>거래 %1 리플레이 (%2) — 기록된 데이터</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="163"/>
        <source>Replay of trade %1 — recorded data</source>
        <translation>거래 %1 리플레이 — 기록된 데이터</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="164"/>
        <source>REPLAY · RECORDED DATA — the market as it was recorded around this trade. Not a live market: nothing is traded or journalled here.</source>
        <translation>REPLAY · 기록된 데이터 — 이 거래 전후에 기록된 그대로의 시장입니다. 실제 시장이 아니며, 여기서는 아무것도 거래하거나 저널에 기록하지 않습니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="168"/>
        <source>Trade %1 of run %2</source>
        <translation>실행 %2의 거래 %1</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="169"/>
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="169"/>
        <source>Pause</source>
        <translation>일시정지</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="170"/>
        <source>Pause or resume the replay</source>
        <translation>리플레이를 일시정지하거나 다시 재생합니다</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="174"/>
        <source>Recorded seconds per second</source>
        <translation>1초에 재생할 기록 시간(초)</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="175"/>
        <source>How far through the replay window (the trade with two minutes before and one after)</source>
        <translation>리플레이 구간(거래와 그 전 2분, 후 1분) 중 재생한 정도</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="198"/>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="291"/>
        <source>Nothing to replay</source>
        <translation>리플레이할 데이터가 없습니다</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="219"/>
        <source>The run&apos;s parameters could not be read (%1): candles and features use the demo parameters.</source>
        <translation>실행의 파라미터를 읽을 수 없어(%1) 캔들과 지표에 데모 파라미터를 사용합니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="275"/>
        <source>Looking for the recordings of this trade…</source>
        <translation>이 거래의 기록을 찾는 중…</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="278"/>
        <source>Fast-forwarding from the depth snapshot at %1 to %2 to sync the book…</source>
        <translation>호가창을 동기화하려고 %1의 스냅샷부터 %2까지 빨리 감는 중…</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="282"/>
        <source>Paused · book: %1</source>
        <translation>일시정지 · 호가창: %1</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="283"/>
        <source>Playing at %1 · book: %2</source>
        <translation>%1 재생 중 · 호가창: %2</translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="287"/>
        <source>End of the replay (%1) · book: %2</source>
        <translation>리플레이 끝 (%1) · 호가창: %2</translation>
    </message>
</context>
<context>
    <name>hoga::gui::WhatIfPanel</name>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="43"/>
        <source>Run as I edit</source>
        <translation>수정할 때마다 실행</translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="45"/>
        <source>Backtest every valid edit once the sliders stop moving.</source>
        <translation>슬라이더가 멈추면 유효한 수정마다 백테스트합니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="46"/>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="47"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="72"/>
        <source>Replay</source>
        <translation>리플레이</translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="75"/>
        <source>What this session recorded</source>
        <translation>이 세션의 기록</translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="76"/>
        <source>A chosen recording</source>
        <translation>선택한 기록</translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="77"/>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="89"/>
        <source>Backtest on the replayed data</source>
        <translation>리플레이 데이터 백테스트</translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="91"/>
        <source>In force</source>
        <translation>적용 중</translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="91"/>
        <source>Edited</source>
        <translation>수정본</translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="91"/>
        <source>Change</source>
        <translation>변화</translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="96"/>
        <source>Trades (round trips)</source>
        <translation>거래 (왕복)</translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="96"/>
        <source>Win rate</source>
        <translation>승률</translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="97"/>
        <source>Net PnL after fees</source>
        <translation>수수료 차감 순손익</translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="97"/>
        <source>Fees</source>
        <translation>수수료</translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="97"/>
        <source>Max drawdown</source>
        <translation>최대 낙폭</translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="132"/>
        <source>Choose recordings</source>
        <translation>기록 선택</translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="133"/>
        <source>Recordings (*.gz *.txt *.log);;All files (*)</source>
        <translation>기록 파일 (*.gz *.txt *.log);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="147"/>
        <source>(no recordings)</source>
        <translation>(기록 없음)</translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="161"/>
        <location filename="../src/gui/params/what_if_panel.cpp" line="175"/>
        <source>The edited parameters are invalid: not backtested.</source>
        <translation>수정한 파라미터가 유효하지 않아 백테스트하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="181"/>
        <location filename="../src/gui/params/what_if_panel.cpp" line="201"/>
        <source>Decoding the recordings…</source>
        <translation>기록 디코딩 중…</translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="208"/>
        <source>Replaying: %1 of %2 events</source>
        <translation>리플레이 중: 이벤트 %1 / %2</translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="222"/>
        <source>Cancelled.</source>
        <translation>취소되었습니다.</translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="226"/>
        <source>Not run: %1</source>
        <translation>실행 안 됨: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/params/what_if_panel.cpp" line="231"/>
        <source>Backtested %n event(s).</source>
        <translation>
            <numerusform>이벤트 %n개를 백테스트했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="236"/>
        <source>The recordings end in a damaged part: %1</source>
        <translation>기록의 끝부분이 손상되었습니다: %1</translation>
    </message>
</context>
<context>
    <name>hoga::gui::WhatIfRunner</name>
    <message>
        <location filename="../src/gui/params/what_if_runner.cpp" line="207"/>
        <source>No recording chosen.</source>
        <translation>선택한 기록이 없습니다.</translation>
    </message>
</context>
<context>
    <name>hoga::live::StationRunner</name>
    <message>
        <location filename="../src/live/station_runner.cpp" line="35"/>
        <source>%1 trading needs the signed order gateway, which this build does not have yet. Use the demo or paper mode.</source>
        <translation>%1 매매에는 서명된 주문 게이트웨이가 필요하지만 이 빌드에는 아직 없습니다. 데모 또는 페이퍼 모드를 사용하세요.</translation>
    </message>
    <message>
        <location filename="../src/live/station_runner.cpp" line="44"/>
        <source>The demo exchange did not start: %1</source>
        <translation>데모 거래소를 시작하지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>hoga::gui::ParamProblems</name>
    <message>
        <source>%1 must be %2</source>
        <translation>%1 — 허용 범위: %2</translation>
    </message>
    <message>
        <source>%1 must be below the liquidation distance (about %2 % at this leverage)</source>
        <translation>%1은(는) 청산 거리(이 레버리지에서 약 %2 %)보다 작아야 합니다</translation>
    </message>
    <message>
        <source>needs a restart to change: %1</source>
        <translation>다시 시작해야 바꿀 수 있습니다: %1</translation>
    </message>
    <message>
        <source>a whole number of seconds from 1000 to 3600000</source>
        <translation>1000~3600000 사이의 초 단위 값(1000의 배수)</translation>
    </message>
    <message>
        <source>1 to 1000</source>
        <translation>1~1000</translation>
    </message>
    <message>
        <source>above 0 and at most 100</source>
        <translation>0 초과 100 이하</translation>
    </message>
    <message>
        <source>above 0 and at most 1</source>
        <translation>0 초과 1 이하</translation>
    </message>
    <message>
        <source>between 0 and 1 (exclusive)</source>
        <translation>0 초과 1 미만</translation>
    </message>
    <message>
        <source>100 to 3600000</source>
        <translation>100~3600000</translation>
    </message>
    <message>
        <source>0 to 1000</source>
        <translation>0~1000</translation>
    </message>
    <message>
        <source>0.5 to 1</source>
        <translation>0.5~1</translation>
    </message>
    <message>
        <source>at least 0 and below volume_burst_ratio</source>
        <translation>0 이상, volume_burst_ratio 미만</translation>
    </message>
    <message>
        <source>1 to volume_lookback</source>
        <translation>1~volume_lookback</translation>
    </message>
    <message>
        <source>above 0 and below 100</source>
        <translation>0 초과 100 미만</translation>
    </message>
    <message>
        <source>0 (off) or positive</source>
        <translation>0(끄기) 또는 양수</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>양수</translation>
    </message>
    <message>
        <source>1 to 125</source>
        <translation>1~125</translation>
    </message>
    <message>
        <source>0 to 1</source>
        <translation>0~1</translation>
    </message>
    <message>
        <source>between -1 and 1</source>
        <translation>-1 초과 1 미만</translation>
    </message>
    <message>
        <source>above 0 and below 50</source>
        <translation>0 초과 50 미만</translation>
    </message>
    <message>
        <source>1 to 1200</source>
        <translation>1~1200</translation>
    </message>
    <message>
        <source>0 (off) to 100</source>
        <translation>0(끄기)~100</translation>
    </message>
    <message>
        <source>0 or positive</source>
        <translation>0 또는 양수</translation>
    </message>
    <message>
        <source>0 to 60000</source>
        <translation>0~60000</translation>
    </message>
</context>
</TS>
