#pragma once

#include <QByteArray>
#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <type_traits>
#include <utility>

namespace mlwatch {

// Bodies above this are parsed on a worker thread so the UI stays responsive: a full page of
// metrics is megabytes of JSON or XML (a CloudWatch page of 100,800 points about 3 MB, a Google
// page of 100,000 points about 10 MB, an Azure getBatch answer for 50 resources tens of MB).
inline constexpr qsizetype kParseOffThreadBytes = 256 * 1024;

// Calls done(parse(body)): at once for a small body, else with `parse` run on a worker thread and
// `done` on the thread of `context`. `parse` must be pure (it runs concurrently with everything);
// `done` is not called once `context` is deleted (a provider's cancelAll()).
template <typename Parse, typename Done>
void parseOffThread(QObject *context, QByteArray body, Parse parse, Done done) {
    using Value = std::invoke_result_t<Parse, const QByteArray &>;
    if (body.size() < kParseOffThreadBytes) {
        done(parse(body));
        return;
    }
    // The value comes back to this thread through the watcher, which dies with `context`.
    auto *watcher = new QFutureWatcher<Value>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(
        QtConcurrent::run([parse = std::move(parse), body = std::move(body)] { return parse(body); }));
}

} // namespace mlwatch
