<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>JournalDatabase</name>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="49"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="59"/>
        <source>The journal %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="62"/>
        <source>The journal %1 is not a readable file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="68"/>
        <source>Qt&apos;s SQLite driver is not installed (package libqt6sql6-sqlite)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="76"/>
        <source>Cannot open the journal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="97"/>
        <source>%1 is not a readable journal (corrupt, or not a SQLite file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="102"/>
        <source>Cannot read the schema version of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="107"/>
        <source>%1 is not a Hoga journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="115"/>
        <location filename="../src/gui/models/journal_database.cpp" line="127"/>
        <source>Cannot read the tables of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="123"/>
        <source>%1 has no round-trip table: not a Hoga journal</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="171"/>
        <source>Cannot read the runs of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="246"/>
        <location filename="../src/gui/models/journal_database.cpp" line="252"/>
        <location filename="../src/gui/models/journal_database.cpp" line="268"/>
        <location filename="../src/gui/models/journal_database.cpp" line="334"/>
        <source>Cannot read the round trips of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="271"/>
        <source>%1 has no trade %2 of run %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="295"/>
        <source>Cannot read the fills of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="320"/>
        <source>Cannot read the parameters of run %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="357"/>
        <source>Cannot read the equity of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::gui::ApiKeyDialog</name>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="174"/>
        <source>Binance mainnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="176"/>
        <source>Binance testnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="178"/>
        <source>Local simulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="184"/>
        <source>Binance API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="185"/>
        <source>&amp;Endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="191"/>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="321"/>
        <source>No REST URL is configured for this endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="192"/>
        <source>REST: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="193"/>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="194"/>
        <source>&amp;Secret key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="195"/>
        <source>64 letters and digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="196"/>
        <source>shown once by Binance when the key is created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="197"/>
        <source>Sa&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="198"/>
        <source>&amp;Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="199"/>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="200"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="201"/>
        <source>Store the key and the secret in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="202"/>
        <source>Sign an account request with this key and show the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="203"/>
        <source>Remove this endpoint&apos;s key from the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="224"/>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="258"/>
        <source>No key is stored for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="226"/>
        <source>No keychain available — %1. Hoga keeps API keys only in the system keychain: start a Secret Service (GNOME Keyring or KWallet) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="230"/>
        <source>The keychain is locked or refused access — %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="232"/>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="327"/>
        <source>Enter both the API key and the secret key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="234"/>
        <source>The keychain reported an error (%1) — %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="255"/>
        <source>A key for %1 is stored in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="260"/>
        <source>keys cannot be stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="278"/>
        <source>Saved in the system keychain for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="281"/>
        <source>nothing stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="290"/>
        <source>The key works: wallet balance %1 USDT, available %2 USDT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="293"/>
        <source>Trading is not enabled for this key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="298"/>
        <source>Could not reach %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="302"/>
        <source>The API key is not in a valid format (Binance error -2014).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="304"/>
        <source>Binance refused the key: unknown API key, an IP address it does not allow, or a missing permission (error -2015).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="307"/>
        <source>The secret key does not belong to this API key: the signature is invalid (Binance error -1022).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="310"/>
        <source>This computer&apos;s clock is too far from the exchange&apos;s (Binance error -1021). Synchronise the clock and test again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="315"/>
        <source>Binance answered with error %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="333"/>
        <source>Testing the key against %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="360"/>
        <source>Deleted the key for %1 from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="363"/>
        <source>Nothing was stored for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/api_key_dialog.cpp" line="365"/>
        <source>nothing deleted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::gui::BookHealth</name>
    <message>
        <location filename="../src/gui/views/book_health.cpp" line="20"/>
        <source>Waiting for snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_health.cpp" line="22"/>
        <source>Bridging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_health.cpp" line="24"/>
        <source>In sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_health.cpp" line="28"/>
        <source>Resyncing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_health.cpp" line="34"/>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_health.cpp" line="36"/>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_health.cpp" line="38"/>
        <source>Stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_health.cpp" line="40"/>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_health.cpp" line="44"/>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_health.cpp" line="65"/>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_health.cpp" line="67"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_health.cpp" line="68"/>
        <source>%1: %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_health.cpp" line="70"/>
        <source>Book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_health.cpp" line="71"/>
        <source>Feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_health.cpp" line="73"/>
        <source>New entries are blocked until the book is verified.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::gui::BookLadder</name>
    <message>
        <location filename="../src/gui/views/book_ladder.cpp" line="62"/>
        <source>No book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_ladder.cpp" line="69"/>
        <source>Spread %1 · Mid %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_ladder.cpp" line="104"/>
        <source>Price (USDT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_ladder.cpp" line="106"/>
        <source>Size (BTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/book_ladder.cpp" line="108"/>
        <source>Total (BTC)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::gui::EquityChart</name>
    <message>
        <location filename="../src/gui/charts/equity_chart.cpp" line="28"/>
        <source>Realized (these trades)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/equity_chart.cpp" line="29"/>
        <source>Equity (journal samples)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/equity_chart.cpp" line="33"/>
        <source>Time (local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/equity_chart.cpp" line="34"/>
        <source>USDT</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::gui::JournalModel</name>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="167"/>
        <source>Long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="170"/>
        <source>Short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="173"/>
        <source>Flat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="184"/>
        <source>Volume fade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="185"/>
        <source>Imbalance reversal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="186"/>
        <source>Stop loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="187"/>
        <source>Take profit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="188"/>
        <source>Max hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="189"/>
        <source>Liquidation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="190"/>
        <source>End of data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="191"/>
        <source>Kill switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="341"/>
        <location filename="../src/gui/models/journal_model.cpp" line="344"/>
        <source>Local time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="347"/>
        <source>Mode: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="363"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="364"/>
        <source>Trip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="365"/>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="366"/>
        <source>Entry (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="367"/>
        <source>Exit (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="368"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="369"/>
        <source>Entry price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="370"/>
        <source>Exit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="371"/>
        <source>Gross PnL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="372"/>
        <source>Fees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="373"/>
        <source>Funding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="374"/>
        <source>Net PnL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="375"/>
        <source>Exit reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="376"/>
        <source>Volume ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="377"/>
        <source>Imbalance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="378"/>
        <source>Momentum (bps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="379"/>
        <source>Taker buy share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="380"/>
        <source>Last price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_model.cpp" line="388"/>
        <source>The strategy&apos;s feature at entry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::gui::JournalPanel</name>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="97"/>
        <source>Over the trades shown. Max drawdown: the largest fall from a peak of the realized equity (the run&apos;s starting balance plus the cumulative net PnL of these trades, at each exit); a loss that recovered before an exit is not in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="111"/>
        <source>Double-click a trade to replay the market around it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="143"/>
        <location filename="../src/gui/journal_panel.cpp" line="229"/>
        <source>All modes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="144"/>
        <location filename="../src/gui/journal_panel.cpp" line="230"/>
        <source>All runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="145"/>
        <location filename="../src/gui/journal_panel.cpp" line="231"/>
        <source>All exit reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="148"/>
        <source>Long and short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="152"/>
        <source>Exit from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="155"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="158"/>
        <source>UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="159"/>
        <source>UTC, inclusive to the end of the second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="161"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="216"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="278"/>
        <source>%1 % (%2 USDT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="279"/>
        <source>%1 USDT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="280"/>
        <source>Trades %1 · wins %2 (%3 %) · gross %4 · fees %5 · funding %6 · net %7 USDT · max drawdown %8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="325"/>
        <source>Cannot export to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="335"/>
        <source>Export trades as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/journal_panel.cpp" line="337"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::gui::MainWindow</name>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="58"/>
        <source>Trade journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="84"/>
        <source>Hoga</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="137"/>
        <source>Hoga — BTCUSDT order flow (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="141"/>
        <source>REPLAY · DEMO — recorded Binance BTCUSDT data (2024-08-08) through the local exchange simulator. Not a live market; paper fills only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="145"/>
        <source>PAPER — live Binance market data, simulated fills. No real orders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="148"/>
        <source>TESTNET — Binance&apos;s test exchange. No real money.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="151"/>
        <source>LIVE — real orders with real money.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="154"/>
        <source>&amp;Trading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="155"/>
        <source>Take new &amp;entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="156"/>
        <source>When off, no new position is opened; exits keep working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="157"/>
        <source>&amp;Flatten…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="158"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="159"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="160"/>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="161"/>
        <source>&amp;API keys…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="162"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="164"/>
        <location filename="../src/gui/station/main_window.cpp" line="168"/>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="203"/>
        <source>New entries enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="203"/>
        <source>New entries stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="209"/>
        <source>Flatten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="210"/>
        <source>Close the open position at market and halt trading?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="217"/>
        <source>Flatten cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/main_window.cpp" line="223"/>
        <source>Flatten sent: trading halted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::gui::OrderBookView</name>
    <message>
        <location filename="../src/gui/views/order_book_view.cpp" line="18"/>
        <source>Order book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/order_book_view.cpp" line="30"/>
        <source>(bid − ask) / (bid + ask) size over the strategy&apos;s window; the marks are the entry thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/order_book_view.cpp" line="40"/>
        <source>top %1 levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/order_book_view.cpp" line="41"/>
        <source>±%1 bps of mid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/order_book_view.cpp" line="42"/>
        <source>Imbalance %1 (%2), entry at ±%3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::gui::PositionPanel</name>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="23"/>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="23"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="23"/>
        <source>Entry (average)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="24"/>
        <source>Mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="24"/>
        <source>Unrealised PnL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="24"/>
        <source>Liquidation (est.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="25"/>
        <source>Stop loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="25"/>
        <source>Equity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="25"/>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="26"/>
        <source>Fees paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="26"/>
        <source>Net PnL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="26"/>
        <source>Round trips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="30"/>
        <source>USDT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="31"/>
        <source>KRW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="35"/>
        <location filename="../src/gui/views/position_panel.cpp" line="135"/>
        <location filename="../src/gui/views/position_panel.cpp" line="147"/>
        <location filename="../src/gui/views/position_panel.cpp" line="150"/>
        <location filename="../src/gui/views/position_panel.cpp" line="152"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="49"/>
        <source> KRW/USDT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="50"/>
        <source>The rate used for the KRW column (display only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="52"/>
        <source>KRW rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="117"/>
        <source>%1 KRW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="137"/>
        <source>Flat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="138"/>
        <source>Long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="139"/>
        <source>Short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="147"/>
        <source>%1 BTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="162"/>
        <source>0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/position_panel.cpp" line="163"/>
        <source>%1 · %2 % won</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::gui::PriceChart</name>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="41"/>
        <source>1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="43"/>
        <source>5 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="45"/>
        <source>15 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="47"/>
        <source>1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="49"/>
        <source>5 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="51"/>
        <source>15 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="53"/>
        <source>1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="59"/>
        <source>entry signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="62"/>
        <source>volume fade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="65"/>
        <source>imbalance reversal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="68"/>
        <source>stop loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="71"/>
        <source>take profit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="74"/>
        <source>maximum hold time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="77"/>
        <source>liquidation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="80"/>
        <source>end of data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="83"/>
        <source>kill switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="124"/>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="125"/>
        <source>Taker buy volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="126"/>
        <source>Taker sell volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="127"/>
        <source>Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="128"/>
        <source>Exits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="129"/>
        <location filename="../src/gui/charts/price_chart.cpp" line="358"/>
        <source>Entry price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="130"/>
        <location filename="../src/gui/charts/price_chart.cpp" line="365"/>
        <source>Stop loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="158"/>
        <source>BTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="159"/>
        <source>USDT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="173"/>
        <source>Candle interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="174"/>
        <source>Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="175"/>
        <source>Keep the newest bar in view (scrolling back turns this off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="180"/>
        <source>Interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="359"/>
        <source>Entry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="366"/>
        <source>Stop %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="372"/>
        <source>Buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="372"/>
        <source>Sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="373"/>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="373"/>
        <source>Exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/charts/price_chart.cpp" line="374"/>
        <source>%1: %2 %3 BTC at %4 USDT
Reason: %5
%6</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::gui::ReplayText</name>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="38"/>
        <source>%1 UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="54"/>
        <source>%1 (exit %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="56"/>
        <source>%1 (entry %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="65"/>
        <source>%1–%2 UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="66"/>
        <source>%1 – %2 UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="70"/>
        <source>%1 %2 BTC · run %3 · trade %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="74"/>
        <source>Entry %1 at %2 · exit %3 at %4 · net PnL %5 USDT (gross %6, fees %7) · %8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="83"/>
        <source>(this session records nothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="90"/>
        <source>No recording covers %1; recordings are kept in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="94"/>
        <source>The recordings of %1 hold no depth snapshot from up to %2 hours before the trade, so its order book cannot be rebuilt; recordings are kept in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="108"/>
        <source>%1 ends in a damaged part (%2); it was read up to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="110"/>
        <source>%1 cannot be read (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="117"/>
        <source>Ignored, their contents are not of the hour in their names: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="124"/>
        <source>The book&apos;s first depth snapshot was recorded at %1, less than two minutes before the entry: the replay starts there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="129"/>
        <source>The trade lasted longer than %1 hours: the replay shows its first %1 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="134"/>
        <source>The recordings end at %1, before the exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="135"/>
        <source>The recordings end at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="141"/>
        <source>Max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/replay_text.cpp" line="141"/>
        <source>%1×</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::gui::SessionParamsLink</name>
    <message>
        <location filename="../src/gui/params/session_params_link.cpp" line="17"/>
        <source>No session is running.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::gui::SignalPanel</name>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="39"/>
        <source>Volume burst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="39"/>
        <source>Book imbalance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="39"/>
        <source>Momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="39"/>
        <source>Taker share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="40"/>
        <source>Volume fade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="40"/>
        <source>Imbalance reversal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="40"/>
        <source>Stop loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="42"/>
        <source>The forming candle&apos;s volume (pro-rated) against the mean of the last closed ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="43"/>
        <source>Bid against ask size over the strategy&apos;s window; long at +θ, short at −θ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="44"/>
        <source>Price change over the momentum window, in basis points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="45"/>
        <source>Taker-buy share of the forming candle&apos;s volume (longs) or taker-sell (shorts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="46"/>
        <source>Closed candles below the fade ratio in a row, while in a position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="47"/>
        <source>The book turning against the open position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="48"/>
        <source>The open position&apos;s move from its entry, against the stop distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="50"/>
        <source>Entry conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="53"/>
        <source>Exit conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="124"/>
        <location filename="../src/gui/views/signal_panel.cpp" line="192"/>
        <location filename="../src/gui/views/signal_panel.cpp" line="224"/>
        <source>long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="124"/>
        <location filename="../src/gui/views/signal_panel.cpp" line="192"/>
        <location filename="../src/gui/views/signal_panel.cpp" line="224"/>
        <source>short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="127"/>
        <source>volume %1× / %2×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="131"/>
        <source>imbalance %1 / ±%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="135"/>
        <source>momentum %1 bps / ±%2 bps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="146"/>
        <source>taker buy %1 % / %2 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="151"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="168"/>
        <source>volume %1× / %2× · %3 of %4 candles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="182"/>
        <source>imbalance %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="186"/>
        <source>stop — / %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="191"/>
        <source>stop %1 % / %2 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="197"/>
        <source>In a position: watching the exits (one position at a time).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="200"/>
        <source>Not entering: trading is halted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="203"/>
        <source>Not entering: reducing only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="206"/>
        <source>Not entering: entries stopped by the trader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="211"/>
        <source>Not entering: book unverified (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="214"/>
        <source>Not entering: warming up (%1 closed candles and a %2 s momentum window).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="219"/>
        <source>Not entering: cooldown after a stop loss, %1 s left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="224"/>
        <source>Entry signal: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="228"/>
        <source>volume burst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="231"/>
        <source>imbalance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="234"/>
        <source>momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="237"/>
        <source>taker share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="240"/>
        <source>Waiting: the conditions point in different directions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="242"/>
        <source>Waiting for: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/views/signal_panel.cpp" line="242"/>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::gui::StationStatusBar</name>
    <message>
        <location filename="../src/gui/station/station_status_bar.cpp" line="61"/>
        <source>A replay of recorded Binance data through the local exchange simulator: not a live market, no real money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/station_status_bar.cpp" line="64"/>
        <source>Real orders with real money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/station_status_bar.cpp" line="65"/>
        <source>Live market data, simulated fills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/station_status_bar.cpp" line="67"/>
        <source>starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/station_status_bar.cpp" line="73"/>
        <source>feed %1 · book %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/station_status_bar.cpp" line="88"/>
        <source>%1 msg/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/station_status_bar.cpp" line="92"/>
        <source>p99 –</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/station_status_bar.cpp" line="93"/>
        <source>p99 %1 µs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/station_status_bar.cpp" line="94"/>
        <source>Frame arrival to the engine&apos;s decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/station_status_bar.cpp" line="95"/>
        <source>reconnects %1 · gaps %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/station_status_bar.cpp" line="97"/>
        <source>GUI stall %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/station_status_bar.cpp" line="98"/>
        <source>The GUI thread&apos;s longest stall since the start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::gui::StationViews</name>
    <message>
        <location filename="../src/gui/station/station_views.cpp" line="29"/>
        <source>Order book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/station_views.cpp" line="30"/>
        <source>Signals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/station_views.cpp" line="32"/>
        <source>Position and account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/station_views.cpp" line="39"/>
        <source>Thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/station/station_views.cpp" line="41"/>
        <source>What-if</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::gui::ThresholdEditor</name>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="99"/>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="117"/>
        <location filename="../src/gui/params/threshold_editor.cpp" line="239"/>
        <source>restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="118"/>
        <source>The running session cannot change this; it takes effect when the session is restarted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="134"/>
        <source>Load preset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="135"/>
        <source>Save preset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="136"/>
        <source>Reset to defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="137"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="144"/>
        <source>Parameters (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="146"/>
        <source>Load preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="152"/>
        <source>Save preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="239"/>
        <source>needs a restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="245"/>
        <source>Applying… (waiting for the engine)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="248"/>
        <source>The engine refused these parameters: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/params/threshold_editor.cpp" line="251"/>
        <source>%n problem(s): see the marked fields. Apply is disabled until they are fixed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="256"/>
        <source>Edited, not applied yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="256"/>
        <source>No session parameters yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="259"/>
        <source>These parameters are in force.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="319"/>
        <source>Applied: the engine trades with these parameters now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="321"/>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="335"/>
        <source>Not saved: fix the marked fields first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="343"/>
        <source>Could not save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="345"/>
        <source>Preset saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="354"/>
        <source>Preset not loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/threshold_editor.cpp" line="362"/>
        <source>Preset loaded from %1; not applied yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::gui::TradeReplayWindow</name>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="81"/>
        <source>Cannot read the trade from the journal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="160"/>
        <source>Replay of trade %1 (%2) — recorded data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="163"/>
        <source>Replay of trade %1 — recorded data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="164"/>
        <source>REPLAY · RECORDED DATA — the market as it was recorded around this trade. Not a live market: nothing is traded or journalled here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="168"/>
        <source>Trade %1 of run %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="169"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="169"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="170"/>
        <source>Pause or resume the replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="174"/>
        <source>Recorded seconds per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="175"/>
        <source>How far through the replay window (the trade with two minutes before and one after)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="198"/>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="291"/>
        <source>Nothing to replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="219"/>
        <source>The run&apos;s parameters could not be read (%1): candles and features use the demo parameters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="275"/>
        <source>Looking for the recordings of this trade…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="278"/>
        <source>Fast-forwarding from the depth snapshot at %1 to %2 to sync the book…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="282"/>
        <source>Paused · book: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="283"/>
        <source>Playing at %1 · book: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/replay/trade_replay_window.cpp" line="287"/>
        <source>End of the replay (%1) · book: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::gui::WhatIfPanel</name>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="43"/>
        <source>Run as I edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="45"/>
        <source>Backtest every valid edit once the sliders stop moving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="46"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="47"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="72"/>
        <source>Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="75"/>
        <source>What this session recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="76"/>
        <source>A chosen recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="77"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="89"/>
        <source>Backtest on the replayed data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="91"/>
        <source>In force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="91"/>
        <source>Edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="91"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="96"/>
        <source>Trades (round trips)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="96"/>
        <source>Win rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="97"/>
        <source>Net PnL after fees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="97"/>
        <source>Fees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="97"/>
        <source>Max drawdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="132"/>
        <source>Choose recordings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="133"/>
        <source>Recordings (*.gz *.txt *.log);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="147"/>
        <source>(no recordings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="161"/>
        <location filename="../src/gui/params/what_if_panel.cpp" line="175"/>
        <source>The edited parameters are invalid: not backtested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="181"/>
        <location filename="../src/gui/params/what_if_panel.cpp" line="201"/>
        <source>Decoding the recordings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="208"/>
        <source>Replaying: %1 of %2 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="222"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="226"/>
        <source>Not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/params/what_if_panel.cpp" line="231"/>
        <source>Backtested %n event(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/gui/params/what_if_panel.cpp" line="236"/>
        <source>The recordings end in a damaged part: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::gui::WhatIfRunner</name>
    <message>
        <location filename="../src/gui/params/what_if_runner.cpp" line="207"/>
        <source>No recording chosen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::live::StationRunner</name>
    <message>
        <location filename="../src/live/station_runner.cpp" line="35"/>
        <source>%1 trading needs the signed order gateway, which this build does not have yet. Use the demo or paper mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/live/station_runner.cpp" line="44"/>
        <source>The demo exchange did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::gui::ParamProblems</name>
    <message>
        <source>%1 must be %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be below the liquidation distance (about %2 % at this leverage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs a restart to change: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number of seconds from 1000 to 3600000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 to 1000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>above 0 and at most 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>above 0 and at most 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>between 0 and 1 (exclusive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100 to 3600000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 to 1000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0.5 to 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least 0 and below volume_burst_ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 to volume_lookback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>above 0 and below 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 (off) or positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 to 125</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 to 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>between -1 and 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>above 0 and below 50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 to 1200</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 (off) to 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 or positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 to 60000</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
