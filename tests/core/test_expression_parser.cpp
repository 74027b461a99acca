// The expression grammar (precedence, associativity, literals, names) and, table-driven, every
// syntax error with its exact message and 1-based column.

#include "Approx.h"
#include "core/expr/Expression.h"
#include "core/expr/ExpressionError.h"

#include <QtTest>

#include <cmath>
#include <stdexcept>
#include <string>

namespace {

const char* const kKnown = "known: x, y, pi, e, sin, cos, tan, exp, log, sqrt, abs, tanh, sinh, cosh, asinh, "
                            "softplus, sigmoid, min, max, atan2";

}  // namespace

class TestExpressionParser : public QObject {
    Q_OBJECT

private slots:
    void values_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("y");
        QTest::addColumn<double>("expected");
        QTest::newRow("precedence") << "1 + 2*3" << 0.0 << 0.0 << 7.0;
        QTest::newRow("parentheses") << "(1 + 2)*3" << 0.0 << 0.0 << 9.0;
        QTest::newRow("^ right-associative") << "2^3^2" << 0.0 << 0.0 << 512.0;
        QTest::newRow("-x^2 is -(x^2)") << "-x^2" << 3.0 << 0.0 << -9.0;
        QTest::newRow("-2^2") << "-2^2" << 0.0 << 0.0 << -4.0;
        QTest::newRow("(-2)^2") << "(-2)^2" << 0.0 << 0.0 << 4.0;
        QTest::newRow("negative exponent") << "2^-1" << 0.0 << 0.0 << 0.5;
        QTest::newRow("x^-y^2 = x^(-(y^2))") << "x^-y^2" << 2.0 << 1.0 << 0.5;
        QTest::newRow("- left-associative") << "2 - 3 - 4" << 0.0 << 0.0 << -5.0;
        QTest::newRow("/ left-associative") << "8/2/2" << 0.0 << 0.0 << 2.0;
        QTest::newRow("unary plus") << "+x" << 3.0 << 0.0 << 3.0;
        QTest::newRow("double minus") << "x - -y" << 3.0 << 2.0 << 5.0;
        QTest::newRow("minus times") << "x*-y" << 3.0 << 2.0 << -6.0;
        QTest::newRow("1e-3") << "1e-3" << 0.0 << 0.0 << 1e-3;
        QTest::newRow("2.5E+2") << "2.5E+2" << 0.0 << 0.0 << 250.0;
        QTest::newRow(".5") << ".5" << 0.0 << 0.0 << 0.5;
        QTest::newRow("1.") << "1." << 0.0 << 0.0 << 1.0;
        QTest::newRow("pi") << "pi" << 0.0 << 0.0 << M_PI;
        QTest::newRow("e") << "e" << 0.0 << 0.0 << M_E;
        QTest::newRow("e^x") << "e^x" << 1.0 << 0.0 << M_E;
        QTest::newRow("functions") << "sin(pi/2) + cos(0) + tan(0) + exp(0) + log(e) + sqrt(4) + abs(-3) + tanh(0)"
                                   << 0.0 << 0.0 << 9.0;
        QTest::newRow("whitespace") << " \tx *\n y " << 2.0 << 3.0 << 6.0;
        QTest::newRow("x^0 is 1") << "x^0" << 5.0 << 0.0 << 1.0;
        QTest::newRow("nested") << "((x))*((y))" << 2.0 << 3.0 << 6.0;
    }

    void values()
    {
        QFETCH(QString, text);
        QFETCH(double, x);
        QFETCH(double, y);
        QFETCH(double, expected);
        const cl::Expression e = cl::Expression::parse(text.toStdString());
        QCOMPARE(QString::fromStdString(e.text()), text);
        CL_COMPARE_APPROX(e.value(x, y), expected, 1e-15, 1e-15);
    }

    void dependence()
    {
        QVERIFY(!cl::Expression::parse("2*pi").dependsOnX());
        QVERIFY(cl::Expression::parse("x^2 + 1").dependsOnX());
        QVERIFY(!cl::Expression::parse("x^2 + 1").dependsOnY());
        QVERIFY(cl::Expression::parse("sin(y)").dependsOnY());
    }

    void errors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("column");
        const auto row = [](const char* name, const char* text, const std::string& message, int column) {
            QTest::newRow(name) << text << QString::fromStdString(message) << column;
        };
        row("empty", "", "empty expression", 1);
        row("blank", "   ", "empty expression", 1);
        row("operand missing at end", "x + ", "expected an operand at column 5 but found end of input", 5);
        row("operand missing after ^", "x ^", "expected an operand at column 4 but found end of input", 4);
        row("two operators", "x * * y", "expected an operand at column 5 but found '*'", 5);
        row("*** is not power", "x *** 2", "expected an operand at column 5 but found '*'", 5);
        row("empty parentheses", "()", "expected an operand at column 2 but found ')'", 2);
        row("empty call", "sin()", "expected an operand at column 5 but found ')'", 5);
        row("leading )", ")", "expected an operand at column 1 but found ')'", 1);
        row("extra )", "x*(y + 1) - 2)", "unexpected ')' at column 14", 14);
        row("extra ) after call", "sin(x))", "unexpected ')' at column 7", 7);
        row("unbalanced (", "2*(x + 1", "unbalanced '(' opened at column 3", 3);
        row("unclosed call", "cos(x", "unbalanced '(' opened at column 4", 4);
        row("exponent without digits", "(1e)", "invalid number '1e' at column 2", 2);
        row("signed exponent without digits", "1e+", "invalid number '1e+' at column 1", 1);
        row("two dots", "x + 1.2.3", "invalid number '1.2.3' at column 5", 5);
        row("lone dot", ".", "invalid number '.' at column 1", 1);
        row("out of range", "1e999", "number '1e999' at column 1 is out of range", 1);
        row("unknown names", "foo + z", std::string("unknown names: foo (column 1), z (column 7); ") + kKnown, 1);
        row("unknown name", "x + z", std::string("unknown name: z (column 5); ") + kKnown, 5);
        row("each unknown once", "z + z + w", std::string("unknown names: z (column 1), w (column 9); ") + kKnown, 1);
        row("names are case-sensitive", "X", std::string("unknown name: X (column 1); ") + kKnown, 1);
        row("function without parentheses", "sin x",
            "function 'sin' needs parentheses at column 1: write sin(...)", 1);
        row("bare function", "2*sqrt", "function 'sqrt' needs parentheses at column 3: write sqrt(...)", 3);
        row("implicit product", "2x",
            "missing operator before 'x' at column 2 (implicit multiplication is not supported: write '*')", 2);
        row("implicit product with (", "x(y)",
            "missing operator before '(' at column 2 (implicit multiplication is not supported: write '*')", 2);
        row("implicit product of groups", "(x)(y)",
            "missing operator before '(' at column 4 (implicit multiplication is not supported: write '*')", 4);
        row("number then function", "2exp(x)",
            "missing operator before 'exp' at column 2 (implicit multiplication is not supported: write '*')", 2);
        row("two arguments", "sinh(y, x)", "unexpected ',' at column 7 (functions take one argument)", 7);
        row("one argument of two", "atan2(y)", "function 'atan2' takes two arguments at column 8: write atan2(a, b)", 8);
        row("bad character", "x $ y", "unexpected character '$' at column 3", 3);
        static const std::string deep = std::string(250, '(') + "x" + std::string(250, ')');
        row("nested too deeply", deep.c_str(), "expression nested too deeply at column 201 (more than 200 levels)", 201);
        static const std::string minuses = std::string(300, '-') + "x";
        row("too many signs", minuses.c_str(), "expression nested too deeply at column 201 (more than 200 levels)", 201);
        row("syntax error before unknown name", "q(x) + sin(y z)",
            "missing operator before 'z' at column 14 (implicit multiplication is not supported: write '*')", 14);
    }

    void errors()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        QFETCH(int, column);
        try {
            cl::Expression::parse(text.toStdString());
            QFAIL("no ExpressionError");
        } catch (const cl::ExpressionError& error) {
            QCOMPARE(QString::fromStdString(error.what()), message);
            QCOMPARE(error.column(), column);
        }
    }

    void deepButReasonableNestingParses()
    {
        const std::string text = std::string(150, '(') + "x" + std::string(150, ')') + "^2";
        QCOMPARE(cl::Expression::parse(text).value(3, 0), 9.0);
    }

    void errorIsARuntimeError()
    {
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, cl::Expression::parse("x +"));
    }

    void copiesShareTheCompiledForm()
    {
        const cl::Expression a = cl::Expression::parse("x*y + 1");
        const cl::Expression b = a;  // NOLINT(performance-unnecessary-copy-initialization): the point of the test
        QCOMPARE(b.value(2, 3), 7.0);
        QCOMPARE(b.text(), a.text());
    }
};

QTEST_APPLESS_MAIN(TestExpressionParser)
#include "test_expression_parser.moc"
