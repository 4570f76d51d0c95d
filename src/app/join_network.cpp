#include "app/join_network.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "replica/stream_client.h"

namespace longstop::app {

std::string ownAddressToward(const std::string& host, int port) {
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<uint16_t>(port));
  if (inet_pton(AF_INET, host.c_str(), &to.sin_addr) != 1) return "";
  const int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return "";
  // Connecting a datagram socket only chooses the route and the source address.
  sockaddr_in from{};
  socklen_t length = sizeof from;
  const bool found = connect(fd, reinterpret_cast<const sockaddr*>(&to), sizeof to) == 0 &&
                     getsockname(fd, reinterpret_cast<sockaddr*>(&from), &length) == 0;
  close(fd);
  char text[INET_ADDRSTRLEN] = {};
  if (!found || !inet_ntop(AF_INET, &from.sin_addr, text, sizeof text)) return "";
  return text;
}

service::JoinNetwork realJoinNetwork() {
  service::JoinNetwork n;
  n.send = [](const std::string& url, const std::string& subject,
              const std::string& request) -> core::Result<std::string> {
    auto client = replica::connectNats(url, 1500);
    if (!client.ok()) return client.error();
    return client.value()->request(subject, request, 8000);
  };
  n.ownAddress = ownAddressToward;
  return n;
}

}  // namespace longstop::app
