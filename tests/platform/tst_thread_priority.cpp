// Thread names and real-time scheduling for the engine thread: a name shows in /proc as set (cut
// to the kernel's 15 characters); SCHED_FIFO is either granted, and then the kernel reports it
// for that thread alone, or refused with a reason that says how to allow it, leaving the thread
// on the normal scheduler. Which one happens depends on the machine (CAP_SYS_NICE, RLIMIT_RTPRIO);
// both are checked for what they claim.

#include "platform/thread_name.h"
#include "platform/thread_priority.h"

#include <QTest>

#include <pthread.h>
#include <sched.h>

#include <fstream>
#include <string>
#include <thread>

using namespace hoga::platform;

namespace {

std::string ownName() {
    char name[32] = {};
    pthread_getname_np(pthread_self(), name, sizeof name);
    return name;
}

int ownPolicy(int& priority) {
    int policy = 0;
    sched_param param{};
    pthread_getschedparam(pthread_self(), &policy, &param);
    priority = param.sched_priority;
    return policy;
}

} // namespace

class TestThreadPriority : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void namesAreSetAndCut();
    void realtimeIsGrantedOrRefusedWithAReason();
    void invalidPrioritiesAreRefused();
};

void TestThreadPriority::namesAreSetAndCut() {
    std::string shortName, longName;
    std::thread([&] {
        setCurrentThreadName("engine");
        shortName = ownName();
        setCurrentThreadName("a-name-longer-than-fifteen");
        longName = ownName();
    }).join();
    QCOMPARE(shortName, std::string("engine"));
    QCOMPARE(longName, std::string("a-name-longer-t"));
}

void TestThreadPriority::realtimeIsGrantedOrRefusedWithAReason() {
    bool granted = false;
    std::string error;
    int policy = -1, priority = -1, mainPolicy = -1, mainPriority = -1;
    std::thread([&] {
        granted = setCurrentThreadRealtime(10, error);
        policy = ownPolicy(priority);
    }).join();
    mainPolicy = ownPolicy(mainPriority);
    QCOMPARE(mainPolicy, SCHED_OTHER); // only the thread that asked
    if (granted) {
        QVERIFY(error.empty());
        QCOMPARE(policy, SCHED_FIFO);
        QCOMPARE(priority, 10);
    } else {
        qInfo("real-time scheduling not permitted here: %s", error.c_str());
        QVERIFY(error.find("refused") != std::string::npos);
        QCOMPARE(policy, SCHED_OTHER);
    }
}

void TestThreadPriority::invalidPrioritiesAreRefused() {
    for (int bad : {0, -1, 100}) {
        std::string error;
        bool granted = true;
        std::thread([&] { granted = setCurrentThreadRealtime(bad, error); }).join();
        QVERIFY(!granted);
        QVERIFY(error.find("1..99") != std::string::npos);
    }
}

QTEST_APPLESS_MAIN(TestThreadPriority)
#include "tst_thread_priority.moc"
