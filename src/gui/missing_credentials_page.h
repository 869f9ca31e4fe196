#pragma once

#include <QWidget>

namespace mlwatch {

struct Error;

// Shown instead of the main window when no AWS credentials could be found: says what was
// looked for (the credential chain's own error), how to fix it, and offers the demo so the app
// can still be tried. Emits intents only; the app decides what they do.
class MissingCredentialsPage : public QWidget {
    Q_OBJECT
public:
    explicit MissingCredentialsPage(const Error &error, QWidget *parent = nullptr);

Q_SIGNALS:
    void demoRequested();
    void quitRequested();
};

} // namespace mlwatch
