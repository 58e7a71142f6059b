// A MongoDB-wire server for the multi-instance tests: mongo-java-server's in-memory backend gives MongoDB's
// single-document atomicity, which the embedded FerretDB does not (docs/architecture.md). Prints its port, then
// serves until its standard input closes, so it never outlives the test process that started it.
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.List;

public class JavaMongoLauncher {
  /**
   * Announced as MongoDB 5.0 with its real wire version (13): the Node driver under mongoose 9 refuses servers below
   * wire version 9 (MongoDB 4.4), and the library's own MONGO_5_0 announces 8.
   */
  static final MongoVersion MONGO_5_0 =
      new MongoVersion() {
        public List<Integer> getVersionArray() {
          return List.of(5, 0, 0);
        }

        public int getWireVersion() {
          return 13;
        }
      };

  public static void main(String[] args) throws Exception {
    MongoServer server = new MongoServer(new MemoryBackend().version(MONGO_5_0));
    server.bind("127.0.0.1", 0);
    InetSocketAddress address = server.getLocalAddress();
    System.out.println("listening " + address.getPort());
    System.out.flush();
    while (System.in.read() != -1) {
      // drain until the parent closes the pipe
    }
    server.shutdownNow();
  }
}
