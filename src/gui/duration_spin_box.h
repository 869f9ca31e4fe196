#pragma once

#include <QSpinBox>

namespace mlwatch {

// A spin box for a duration held in whole seconds that reads the way people say durations:
// 14400 shows as "4 h", 180 as "3 min", 90 as "90 s", 604800 as "7 d". Typing "15 min", "2 h",
// "1 d" or a plain number of seconds works too. The unit words are translated.
class DurationSpinBox : public QSpinBox {
    Q_OBJECT
public:
    explicit DurationSpinBox(QWidget *parent = nullptr);

    // Seconds as text ("4 h"), and text back to seconds (nullopt when it does not parse).
    QString formatSeconds(int seconds) const;
    std::optional<int> parseSeconds(const QString &text) const;

protected:
    QString textFromValue(int value) const override;
    int valueFromText(const QString &text) const override;
    QValidator::State validate(QString &input, int &pos) const override;
};

} // namespace mlwatch
