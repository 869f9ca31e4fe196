#include "demo/demo_gcp_key.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace mlwatch::demo {

namespace {

// Generated once with `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048` for the
// demo; deliberately public (see demo_gcp_key.h). Never use it anywhere else.
constexpr char kDemoPrivateKeyPem[] = "-----BEGIN PRIVATE KEY-----\n"
                                      "MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQC55ai4HYo6E+VP\n"
                                      "3psmvt2Kd/st+RGOegQmcaIIRwdvTJi8ruwd73XjEC2ujCmmprlAC628skZHXcxE\n"
                                      "MOuTeg8TpQEHLvJqFdVCyl5AiDjWnO+gQeVJjr2TfSIKULMNtMfWWHD4UQkCCs+X\n"
                                      "D7KvbErQs6zr2o0bX0WOkeSOvR++2kIZxETEw5lYtEYoP0ruCWqxwYmDCHKGoDXJ\n"
                                      "gS6dvy4lV0pGCY2/yGmjW7naVaJhlTxpupkHR3XTSt8J1aSHfWr6h09sr+jlxUlV\n"
                                      "aJokmU4AuEEE6F/O/j81xLVFeuyV9p8dIUJoxZG8SQGefafsQkWgRKZprHijTyf1\n"
                                      "b6TteeI3AgMBAAECggEAHlv6XO8+FtQO/Cc/sWk0ZxvHIq/thRY6PUkLjEyFU1Dw\n"
                                      "FMiAeTcVSprmyv3LA5Nw55vAqPN4dMlFxdEzd+dUNQIak+C/6EFejcTc9a8JkUsZ\n"
                                      "+1MnrgaowUCLYaHiTBe9Fy1kbblWPkYjtujyZqHJ6iGd2PrdVp4NjwYWjJUobROS\n"
                                      "vLIZt6Wp9tfTCyQPp5ljb48TLiqZVQFN+uz952YcMdnUPaLRMYTMJdxh6/QU1vGs\n"
                                      "3csF3kFOpsilZHhf1Lveuduala4MSDjXi/BLe4HIbXwf8CSemvnhzsnzh1uvE3Jb\n"
                                      "L0GcQCHvzzgntiuatkPnSH5tJSgkSXTfmCvYH/5C8QKBgQDbGUo/7MvKragSz5Ud\n"
                                      "GxeJ/nQcyUBhfwEvKkQhJj11VFK6ZuAsCWJnvj2d9ILGI4Rr+bG0TyMyjU+JHBVS\n"
                                      "LmkiLEyrizEz0iNZKwXjy72M1qQjguak/Z7q5l3zY/SzIrnG9g59OIo9HOeJAk46\n"
                                      "yjHAOpDTtRljOLBmUBM1d3Oa7wKBgQDZNNaS4Lyqg9/JXTsO9AwLNHNFIoCJx6v3\n"
                                      "VSO6GfYGBsMeZB+URKqEni+9/E6Yh0q5uk3uLzQx28bCLmJ7adpwOtXQH5KDRZhs\n"
                                      "kjIfqkVO/q1Z5U2a99Jb1BVOolOUGSZxBnQPB/LPm6BaxqISFA62za7njGJyWX2a\n"
                                      "qF1D9QXNOQKBgD1ZjIfv13SuQaTayWc4AdRbEspItCVYuc0qKZ+apJTpAq09R0It\n"
                                      "coeYJorHP6MZqOfPKCpUCogKN54t5e54Hmo6O1HBjQp0qf8649BQaYg5RgbHjavf\n"
                                      "dJNT5DTV5VwPujNzDMWVgmfwYwjjQ2KE4X9xJsKRMEWvRv2vKGHNS+qzAoGAJ5of\n"
                                      "qUX6gChtK/yooPBUJdLZVXiV8QkLzJukWPEUz0J6XtcoftMKOAXTdJNFDUBVmoli\n"
                                      "XhQTMyf8FDl60T+aiS3hAAJRp0eQI/N/2hAkdOOwXZyWSrP2kbGYdO7ZyD3RqXfg\n"
                                      "v0DWv42DbimbMSqhCCl2Q1dwN6MjaIhcAODyvtkCgYBQP/30iHx183LUujGkIFzn\n"
                                      "X9xNSxs7vXs+hctb38qQNB+4oKpPsrSjkMLCJwOqVd+ddXzMFlFT7tcRZSXOSO2m\n"
                                      "pP9WJJEG1aGl2EBIg3pr+U47xzUIzDlzlL4qboDQYsCNRkdjaB7oPfde/bbBnhw1\n"
                                      "YbX1oHxlAMdQ2Vu+O6ACtw==\n"
                                      "-----END PRIVATE KEY-----\n";

} // namespace

QByteArray DemoGcpKey::privateKeyPem() {
    return QByteArray(kDemoPrivateKeyPem);
}

QByteArray DemoGcpKey::serviceAccountKeyJson(const QUrl &tokenUri) {
    const QString email = QLatin1String(kClientEmail);
    const QJsonObject key{
        {QStringLiteral("type"), QStringLiteral("service_account")},
        {QStringLiteral("project_id"), QLatin1String(kProjectId)},
        {QStringLiteral("private_key_id"), QLatin1String(kPrivateKeyId)},
        {QStringLiteral("private_key"), QString::fromLatin1(privateKeyPem())},
        {QStringLiteral("client_email"), email},
        {QStringLiteral("client_id"), QLatin1String(kServiceAccountClientId)},
        {QStringLiteral("auth_uri"), QStringLiteral("https://accounts.google.com/o/oauth2/auth")},
        {QStringLiteral("token_uri"), tokenUri.toString()},
        {QStringLiteral("auth_provider_x509_cert_url"),
         QStringLiteral("https://www.googleapis.com/oauth2/v1/certs")},
        {QStringLiteral("client_x509_cert_url"),
         QString(QStringLiteral("https://www.googleapis.com/robot/v1/metadata/x509/") +
                 QString::fromLatin1(QUrl::toPercentEncoding(email)))},
        {QStringLiteral("universe_domain"), QStringLiteral("googleapis.com")}};
    return QJsonDocument(key).toJson(QJsonDocument::Indented);
}

QByteArray DemoGcpKey::authorizedUserJson(const QUrl &tokenUri) {
    const QJsonObject file{{QStringLiteral("type"), QStringLiteral("authorized_user")},
                           {QStringLiteral("client_id"), QLatin1String(kUserClientId)},
                           {QStringLiteral("client_secret"), QLatin1String(kUserClientSecret)},
                           {QStringLiteral("refresh_token"), QLatin1String(kUserRefreshToken)},
                           {QStringLiteral("quota_project_id"), QLatin1String(kProjectId)},
                           {QStringLiteral("token_uri"), tokenUri.toString()},
                           {QStringLiteral("universe_domain"), QStringLiteral("googleapis.com")}};
    return QJsonDocument(file).toJson(QJsonDocument::Indented);
}

} // namespace mlwatch::demo
