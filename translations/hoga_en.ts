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
        <location filename="../src/gui/models/journal_database.cpp" line="193"/>
        <location filename="../src/gui/models/journal_database.cpp" line="248"/>
        <location filename="../src/gui/models/journal_database.cpp" line="263"/>
        <source>No journal is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="171"/>
        <source>Cannot read the runs of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="206"/>
        <location filename="../src/gui/models/journal_database.cpp" line="241"/>
        <location filename="../src/gui/models/journal_database.cpp" line="253"/>
        <source>Cannot read the round trips of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/journal_database.cpp" line="276"/>
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
</TS>
