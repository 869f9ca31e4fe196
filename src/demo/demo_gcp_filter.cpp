#include "demo/demo_gcp_filter.h"

#include <QRegularExpression>

namespace mlwatch::demo {

struct DemoGcpFilter::Node {
    enum class Kind { And, Or, Not, Compare };
    enum class Op { Equal, NotEqual, Has };
    Kind kind = Kind::Compare;
    QList<std::shared_ptr<const Node>> children; // And / Or: two or more; Not: one
    // Compare:
    QString field; // normalised: "metric.labels.x"
    Op op = Op::Equal;
    QString function; // empty: a literal comparison
    QStringList args; // the literal, or the function's arguments
};

namespace {

using Node = DemoGcpFilter::Node;
using NodePtr = std::shared_ptr<const Node>;

struct Token {
    enum class Type { Word, String, Equal, NotEqual, Colon, Open, Close, Comma, End };
    Type type = Type::End;
    QString text;
    qsizetype position = 0;
};

class Parser {
public:
    explicit Parser(const QString &text)
        : m_text(text) {}

    // The tree, or nullptr with m_error set.
    NodePtr parse() {
        if (!tokenize())
            return nullptr;
        NodePtr root = expression();
        if (root && peek().type != Token::Type::End)
            return fail(
                QStringLiteral("unexpected '%1' at character %2").arg(peek().text).arg(peek().position + 1));
        return root;
    }
    QString error() const { return m_error; }

private:
    bool tokenize() {
        qsizetype i = 0;
        const qsizetype n = m_text.size();
        while (i < n) {
            const QChar c = m_text.at(i);
            if (c.isSpace()) {
                ++i;
                continue;
            }
            const qsizetype start = i;
            if (c == u'"') {
                QString value;
                ++i;
                bool closed = false;
                while (i < n) {
                    const QChar d = m_text.at(i++);
                    if (d == u'\\' && i < n) {
                        value += m_text.at(i++);
                    } else if (d == u'"') {
                        closed = true;
                        break;
                    } else {
                        value += d;
                    }
                }
                if (!closed) {
                    m_error = QStringLiteral("unterminated string starting at character %1").arg(start + 1);
                    return false;
                }
                m_tokens.append({Token::Type::String, value, start});
                continue;
            }
            if (c == u'!' && i + 1 < n && m_text.at(i + 1) == u'=') {
                m_tokens.append({Token::Type::NotEqual, QStringLiteral("!="), start});
                i += 2;
                continue;
            }
            static const QString singles = QStringLiteral("=:(),");
            if (singles.contains(c)) {
                const Token::Type type = c == u'='   ? Token::Type::Equal
                                         : c == u':' ? Token::Type::Colon
                                         : c == u'(' ? Token::Type::Open
                                         : c == u')' ? Token::Type::Close
                                                     : Token::Type::Comma;
                m_tokens.append({type, QString(c), start});
                ++i;
                continue;
            }
            static const QString wordChars = QStringLiteral("_.-/+*@");
            while (i < n && (m_text.at(i).isLetterOrNumber() || wordChars.contains(m_text.at(i))))
                ++i;
            if (i == start) {
                m_error = QStringLiteral("unexpected character '%1' at character %2").arg(c).arg(start + 1);
                return false;
            }
            m_tokens.append({Token::Type::Word, m_text.mid(start, i - start), start});
        }
        m_tokens.append({Token::Type::End, QStringLiteral("end of filter"), n});
        return true;
    }

    const Token &peek() const { return m_tokens.at(m_next); }
    Token take() { return m_tokens.at(m_next < m_tokens.size() - 1 ? m_next++ : m_next); }
    bool isKeyword(const Token &t, const char *word) const {
        return t.type == Token::Type::Word && t.text == QLatin1String(word);
    }
    NodePtr fail(const QString &message) {
        if (m_error.isEmpty())
            m_error = message;
        return nullptr;
    }

    static NodePtr combine(Node::Kind kind, QList<NodePtr> children) {
        if (children.size() == 1)
            return children.first();
        auto node = std::make_shared<Node>();
        node->kind = kind;
        node->children = std::move(children);
        return node;
    }

    // expression := orExpr { [AND] orExpr }
    NodePtr expression() {
        QList<NodePtr> terms;
        do {
            if (isKeyword(peek(), "AND"))
                take();
            NodePtr term = orExpression();
            if (!term)
                return nullptr;
            terms.append(term);
        } while (peek().type != Token::Type::End && peek().type != Token::Type::Close);
        return combine(Node::Kind::And, terms);
    }

    // orExpr := unary { OR unary }
    NodePtr orExpression() {
        QList<NodePtr> terms;
        NodePtr first = unary();
        if (!first)
            return nullptr;
        terms.append(first);
        while (isKeyword(peek(), "OR")) {
            take();
            NodePtr next = unary();
            if (!next)
                return nullptr;
            terms.append(next);
        }
        return combine(Node::Kind::Or, terms);
    }

    NodePtr unary() {
        if (isKeyword(peek(), "NOT")) {
            take();
            NodePtr inner = unary();
            if (!inner)
                return nullptr;
            auto node = std::make_shared<Node>();
            node->kind = Node::Kind::Not;
            node->children = {inner};
            return node;
        }
        if (peek().type == Token::Type::Open) {
            const Token open = take();
            NodePtr inner = expression();
            if (!inner)
                return nullptr;
            if (take().type != Token::Type::Close)
                return fail(
                    QStringLiteral("the parenthesis at character %1 is not closed").arg(open.position + 1));
            return inner;
        }
        return comparison();
    }

    static std::optional<QString> normalisedField(const QString &name) {
        if (name == QLatin1String("metric.type") || name == QLatin1String("resource.type") ||
            name == QLatin1String("project"))
            return name;
        static const QRegularExpression label(
            QStringLiteral("^(metric|resource)\\.labels?\\.([A-Za-z_][A-Za-z0-9_]*)$"));
        const QRegularExpressionMatch m = label.match(name);
        if (!m.hasMatch())
            return std::nullopt;
        return m.captured(1) + QStringLiteral(".labels.") + m.captured(2);
    }

    NodePtr comparison() {
        const Token field = take();
        if (field.type != Token::Type::Word)
            return fail(QStringLiteral("expected a field such as metric.type at character %1, found '%2'")
                            .arg(field.position + 1)
                            .arg(field.text));
        const std::optional<QString> name = normalisedField(field.text);
        if (!name)
            return fail(
                QStringLiteral("unknown field '%1' at character %2; expected metric.type, resource.type, "
                               "project, metric.labels.KEY or resource.labels.KEY")
                    .arg(field.text)
                    .arg(field.position + 1));
        const Token op = take();
        auto node = std::make_shared<Node>();
        node->field = *name;
        if (op.type == Token::Type::Equal)
            node->op = Node::Op::Equal;
        else if (op.type == Token::Type::NotEqual)
            node->op = Node::Op::NotEqual;
        else if (op.type == Token::Type::Colon)
            node->op = Node::Op::Has;
        else
            return fail(QStringLiteral("expected '=', '!=' or ':' after '%1' at character %2")
                            .arg(field.text)
                            .arg(op.position + 1));
        const Token value = take();
        if (value.type == Token::Type::String) {
            node->args = {value.text};
            return node;
        }
        if (value.type != Token::Type::Word)
            return fail(QStringLiteral("expected a quoted string or a function after '%1' at character %2")
                            .arg(op.text)
                            .arg(value.position + 1));
        if (peek().type != Token::Type::Open) {
            if (isKeyword(value, "AND") || isKeyword(value, "OR") || isKeyword(value, "NOT"))
                return fail(QStringLiteral("expected a value after '%1' at character %2")
                                .arg(op.text)
                                .arg(value.position + 1));
            node->args = {value.text};
            return node;
        }
        static const QStringList functions{QStringLiteral("starts_with"), QStringLiteral("ends_with"),
                                           QStringLiteral("has_substring"), QStringLiteral("one_of"),
                                           QStringLiteral("monitoring.regex.full_match")};
        if (!functions.contains(value.text))
            return fail(QStringLiteral("unknown function '%1' at character %2")
                            .arg(value.text)
                            .arg(value.position + 1));
        if (node->op == Node::Op::Has)
            return fail(QStringLiteral("a function needs '=' or '!=', not ':', at character %1")
                            .arg(op.position + 1));
        node->function = value.text;
        take(); // '('
        while (true) {
            const Token arg = take();
            if (arg.type != Token::Type::String && arg.type != Token::Type::Word)
                return fail(QStringLiteral("expected a quoted string argument of %1 at character %2")
                                .arg(value.text)
                                .arg(arg.position + 1));
            node->args.append(arg.text);
            const Token next = take();
            if (next.type == Token::Type::Close)
                break;
            if (next.type != Token::Type::Comma)
                return fail(QStringLiteral("expected ',' or ')' at character %1").arg(next.position + 1));
        }
        if (node->function != QLatin1String("one_of") && node->args.size() != 1)
            return fail(QStringLiteral("%1 takes one argument").arg(value.text));
        if (node->function == QLatin1String("monitoring.regex.full_match") &&
            !QRegularExpression(node->args.first()).isValid())
            return fail(QStringLiteral("the regular expression '%1' is not valid").arg(node->args.first()));
        return node;
    }

    QString m_text;
    QList<Token> m_tokens;
    qsizetype m_next = 0;
    QString m_error;
};

bool compareValue(const Node &n, const QString &value) {
    if (n.function.isEmpty())
        return n.op == Node::Op::Has ? value.contains(n.args.first()) : value == n.args.first();
    const QString &a = n.args.first();
    if (n.function == QLatin1String("starts_with"))
        return value.startsWith(a);
    if (n.function == QLatin1String("ends_with"))
        return value.endsWith(a);
    if (n.function == QLatin1String("has_substring"))
        return value.contains(a);
    if (n.function == QLatin1String("one_of"))
        return n.args.contains(value);
    const QRegularExpression re(QRegularExpression::anchoredPattern(a));
    return re.match(value).hasMatch();
}

bool evaluate(const Node &n, const DemoGcpFilter::Lookup &lookup) {
    switch (n.kind) {
    case Node::Kind::And:
        for (const NodePtr &c : n.children)
            if (!evaluate(*c, lookup))
                return false;
        return true;
    case Node::Kind::Or:
        for (const NodePtr &c : n.children)
            if (evaluate(*c, lookup))
                return true;
        return false;
    case Node::Kind::Not:
        return !evaluate(*n.children.first(), lookup);
    case Node::Kind::Compare:
        break;
    }
    const std::optional<QString> value = lookup(n.field);
    if (!value)
        return n.op == Node::Op::NotEqual;
    const bool hit = compareValue(n, *value);
    return n.op == Node::Op::NotEqual ? !hit : hit;
}

int countMetricType(const Node &n) {
    if (n.kind == Node::Kind::Compare)
        return n.field == QLatin1String("metric.type") ? 1 : 0;
    int count = 0;
    for (const NodePtr &c : n.children)
        count += countMetricType(*c);
    return count;
}

} // namespace

DemoGcpOutcome<DemoGcpFilter> DemoGcpFilter::parse(const QString &text, const QString &fieldName) {
    DemoGcpFilter filter;
    if (text.trimmed().isEmpty())
        return filter;
    Parser parser(text);
    filter.m_root = parser.parse();
    if (!filter.m_root)
        return DemoGcpError::invalidField(fieldName, text, parser.error() + QLatin1Char('.'));
    return filter;
}

bool DemoGcpFilter::matches(const Lookup &lookup) const {
    return !m_root || evaluate(*m_root, lookup);
}

QStringList DemoGcpFilter::metricTypeEqualities() const {
    QStringList out;
    if (!m_root)
        return out;
    const QList<NodePtr> conjuncts =
        m_root->kind == Node::Kind::And ? m_root->children : QList<NodePtr>{m_root};
    for (const NodePtr &c : conjuncts)
        if (c->kind == Node::Kind::Compare && c->field == QLatin1String("metric.type") &&
            c->op == Node::Op::Equal && c->function.isEmpty())
            out.append(c->args.first());
    return out;
}

int DemoGcpFilter::metricTypeReferences() const {
    return m_root ? countMetricType(*m_root) : 0;
}

} // namespace mlwatch::demo
